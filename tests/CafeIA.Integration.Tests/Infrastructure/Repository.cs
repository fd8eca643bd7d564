namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>The repository's root folder (the one holding CafeIA.sln), found from the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CafeIA.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Tests run from inside the repository.");
    }
}
