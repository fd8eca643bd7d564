namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>Files tests leave for people to look at (screenshots): TestResults/artifacts at the repository root.</summary>
internal static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var path = Path.Combine(Repository.Root, "TestResults", "artifacts", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
