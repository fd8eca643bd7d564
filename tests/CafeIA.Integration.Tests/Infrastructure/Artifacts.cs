namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>Files tests leave for people to look at (screenshots): TestResults/artifacts at the repository root.</summary>
internal static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var root = Path.Combine(Repository.Root, "TestResults", "artifacts");
        Directory.CreateDirectory(root);
        return Path.Combine(root, fileName);
    }
}
