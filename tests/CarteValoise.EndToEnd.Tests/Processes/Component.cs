using System.Reflection;

namespace CarteValoise.EndToEnd.Tests.Processes;

/// <summary>A project of the repository and the assembly its build produced.</summary>
public sealed record Component(string ProjectDirectory, string AssemblyPath)
{
    public static Component Cloud => Find("cloud/CarteValoise.Cloud");
    public static Component Edge => Find("edge/CarteValoise.Edge");
    public static Component Portal => Find("portal/CarteValoise.Portal");
    public static Component Kiosk => Find("kiosk/CarteValoise.Kiosk");

    /// <summary>The folder holding CarteValoise.sln, found by walking up from the test's own output.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The configuration this test project was built with; tests/run.sh builds the whole solution in it.</summary>
    private static string Configuration { get; } =
        typeof(Component).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static Component Find(string projectFolder)
    {
        var projectDirectory = Path.Combine(RepositoryRoot, projectFolder);
        var name = Path.GetFileName(projectFolder);
        var assembly = Path.Combine(projectDirectory, "bin", Configuration, "net10.0", name + ".dll");
        if (!File.Exists(assembly))
            throw new FileNotFoundException(
                $"{assembly} is missing: build the solution first (dotnet build CarteValoise.sln -c {Configuration}, or tests/run.sh).",
                assembly);
        return new Component(projectDirectory, assembly);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CarteValoise.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException($"No CarteValoise.sln above {AppContext.BaseDirectory}.");
    }
}
