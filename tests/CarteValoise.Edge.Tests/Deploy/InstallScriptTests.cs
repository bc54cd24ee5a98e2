using System.Diagnostics;
using CarteValoise.Edge.Tests.Support;

namespace CarteValoise.Edge.Tests.Deploy;

/// <summary>
/// deploy/install.sh lays a published box out (here under DESTDIR, as for a package: no user, no
/// systemctl), and the systemd unit it installs is one systemd accepts.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class InstallScriptTests : IDisposable
{
    private static readonly string DeployFolder = Path.Combine(RepositoryRoot(), "edge", "CarteValoise.Edge", "deploy");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CarteValoise.sln"))) return dir.FullName;
        throw new InvalidOperationException("CarteValoise.sln introuvable au-dessus de " + AppContext.BaseDirectory);
    }

    // What `dotnet publish` gives, in small: the program and deploy/.
    private string Published()
    {
        var box = Path.Combine(_temp.Path, "out", "box");
        Directory.CreateDirectory(Path.Combine(box, "deploy"));
        foreach (var file in Directory.GetFiles(DeployFolder)) File.Copy(file, Path.Combine(box, "deploy", Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(box, "CarteValoise.Edge"), "#!/bin/sh\necho box\n");
        File.SetUnixFileMode(Path.Combine(box, "CarteValoise.Edge"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(box, "appsettings.json"), "{}");
        return box;
    }

    private static (int Exit, string Output) Run(string file, string arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{file} {arguments} ne s'est pas terminé");
        return (process.ExitCode, output.Result + errors.Result);
    }

    [Fact]
    public void Install_lays_out_the_program_the_unit_and_the_configuration_and_keeps_a_configuration_already_there()
    {
        var box = Published();
        var root = Path.Combine(_temp.Path, "root");

        var (exit, output) = Run("bash", $"{box}/deploy/install.sh", ("DESTDIR", root));

        Assert.True(exit == 0, output);
        Assert.Equal($"Modèle de configuration posé : {root}/etc/cartevaloise-box.env\nFichiers posés sous {root}.\n", output);
        Assert.Equal("#!/bin/sh\necho box\n", File.ReadAllText($"{root}/opt/cartevaloise-box/CarteValoise.Edge"));
        Assert.True(File.GetUnixFileMode($"{root}/opt/cartevaloise-box/CarteValoise.Edge").HasFlag(UnixFileMode.OtherExecute));
        Assert.True(File.Exists($"{root}/opt/cartevaloise-box/deploy/INSTALL.md"));
        Assert.Equal(File.ReadAllText(Path.Combine(DeployFolder, "cartevaloise-box.service")), File.ReadAllText($"{root}/etc/systemd/system/cartevaloise-box.service"));
        Assert.Equal(File.ReadAllText(Path.Combine(DeployFolder, "cartevaloise-box.env")), File.ReadAllText($"{root}/etc/cartevaloise-box.env"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode($"{root}/etc/cartevaloise-box.env"));

        // An upgrade: the new program replaces the old, the school's configuration stays.
        File.WriteAllText($"{root}/etc/cartevaloise-box.env", "Box__CloudAddress=https://carte.valdoise.fr\n");
        File.WriteAllText(Path.Combine(box, "CarteValoise.Edge"), "#!/bin/sh\necho box v2\n");
        (exit, output) = Run("bash", $"{box}/deploy/install.sh", ("DESTDIR", root));
        Assert.True(exit == 0, output);
        Assert.Equal($"Configuration existante gardée : {root}/etc/cartevaloise-box.env\nFichiers posés sous {root}.\n", output);
        Assert.Equal("Box__CloudAddress=https://carte.valdoise.fr\n", File.ReadAllText($"{root}/etc/cartevaloise-box.env"));
        Assert.Equal("#!/bin/sh\necho box v2\n", File.ReadAllText($"{root}/opt/cartevaloise-box/CarteValoise.Edge"));
        Assert.Equal(["cartevaloise-box"], Directory.GetFileSystemEntries($"{root}/opt").Select(Path.GetFileName));
    }

    [Fact]
    public void Install_refuses_a_folder_that_is_not_a_published_box()
    {
        var empty = Path.Combine(_temp.Path, "empty");
        Directory.CreateDirectory(empty);
        var (exit, output) = Run("bash", $"{Path.Combine(DeployFolder, "install.sh")} {empty}", ("DESTDIR", Path.Combine(_temp.Path, "root")));
        Assert.Equal(1, exit);
        Assert.Equal($"install.sh : pas de programme CarteValoise.Edge dans {empty} (publiez d'abord : dotnet publish edge/CarteValoise.Edge -c Release -r linux-arm64 --self-contained -o out/box)\n", output);
    }

    [Fact]
    public void The_unit_restarts_the_box_runs_it_as_its_own_user_and_lets_it_write_only_its_state_directory()
    {
        var unit = File.ReadAllLines(Path.Combine(DeployFolder, "cartevaloise-box.service"));
        var service = unit.SkipWhile(l => l != "[Service]").Skip(1).TakeWhile(l => !l.StartsWith('['))
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(p => p[1])));

        Assert.Equal("notify", service["Type"]);
        Assert.Equal("always", service["Restart"]);
        Assert.Equal("5", service["RestartSec"]);
        Assert.Equal("cartevaloise-box", service["User"]);
        Assert.Equal("/opt/cartevaloise-box/CarteValoise.Edge", service["ExecStart"]);
        Assert.Equal("/etc/cartevaloise-box.env", service["EnvironmentFile"]);
        Assert.Equal("cartevaloise-box", service["StateDirectory"]);
        Assert.Equal("Box__DataDirectory=/var/lib/cartevaloise-box | DOTNET_NOLOGO=1", service["Environment"]);
        Assert.Equal("strict", service["ProtectSystem"]);
        Assert.Equal("/opt/cartevaloise-box", service["ReadOnlyPaths"]);
        Assert.False(service.ContainsKey("MemoryDenyWriteExecute")); // the .NET JIT needs it off
        Assert.False(service.ContainsKey("PrivateDevices"));         // the readers are devices

        // systemd itself reads the unit (the program path made to exist for the check).
        var copy = Path.Combine(_temp.Path, "cartevaloise-box.service");
        File.WriteAllLines(copy, unit.Select(l => l.StartsWith("ExecStart=", StringComparison.Ordinal) ? "ExecStart=/bin/true" : l));
        var (exit, output) = Run("systemd-analyze", $"verify {copy}");
        Assert.True(exit == 0 && output.Length == 0, output);
    }
}
