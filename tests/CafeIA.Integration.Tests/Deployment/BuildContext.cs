using Microsoft.Extensions.FileSystemGlobbing;

namespace CafeIA.Integration.Tests.Deployment;

/// <summary>
/// What `docker build .` sends as its context: the repository's files minus the patterns of
/// .dockerignore, copied to a folder of its own, so a publish there sees exactly what the
/// image's `COPY . .` would (no bin/, obj/ or node_modules/ from the host).
/// </summary>
internal static class BuildContext
{
    public static int CopyTo(string repository, string destination)
    {
        var matcher = new Matcher();
        matcher.AddInclude("**/*");
        foreach (var pattern in IgnorePatterns(Path.Combine(repository, ".dockerignore")))
        {
            matcher.AddExclude(pattern);
        }
        var files = matcher.GetResultsInFullPath(repository).ToList();
        foreach (var file in files)
        {
            var target = Path.Combine(destination, Path.GetRelativePath(repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return files.Count;
    }

    /// <summary>.dockerignore lines as globs: a folder pattern (`x/`) or a bare name excludes everything under it too.</summary>
    private static IEnumerable<string> IgnorePatterns(string path)
    {
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith('!'))
            {
                throw new InvalidOperationException(".dockerignore exceptions (!) are not understood by the image tests.");
            }
            var pattern = line.TrimEnd('/');
            yield return pattern;
            yield return pattern + "/**";
        }
    }
}
