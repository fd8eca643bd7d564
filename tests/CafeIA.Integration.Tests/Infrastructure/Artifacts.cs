namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>Files tests leave for people to look at (screenshots): TestResults/artifacts at the repository root.</summary>
internal static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CafeIA.sln")))
        {
            directory = directory.Parent;
        }
        var root = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "TestResults", "artifacts");
        Directory.CreateDirectory(root);
        return Path.Combine(root, fileName);
    }
}
