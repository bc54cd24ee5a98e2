namespace CarteValoise.Cloud.Tests.Documents;

/// <summary>Rendered documents kept in &lt;repo&gt;/artifacts/TestResults/documents, to be looked at (pdftoppm -png).</summary>
internal static class Samples
{
    public static void Keep(string name, byte[] document)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CarteValoise.sln"))) root = root.Parent;
        if (root is null) return; // run outside the repository: nothing to keep
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "artifacts", "TestResults", "documents"));
        File.WriteAllBytes(Path.Combine(folder.FullName, name), document);
    }
}
