using System.Text.Json;
using System.Text.RegularExpressions;

namespace CafeIA.Integration.Tests.Deployment;

/// <summary>
/// The parts of one of our Dockerfiles the image tests need, read from its text: the build
/// arguments' defaults, each stage's base image, and the final stage's environment, user,
/// working folder and entry point, plus the build stage's `RUN … dotnet publish …` command.
/// Only the instructions our Dockerfiles use are understood; an unknown one fails loudly.
/// </summary>
internal sealed partial class Dockerfile
{
    public required IReadOnlyDictionary<string, string> Arguments { get; init; }
    /// <summary>Each stage's base image, build arguments substituted, in order.</summary>
    public required IReadOnlyList<string> BaseImages { get; init; }
    public required IReadOnlyDictionary<string, string> FinalEnvironment { get; init; }
    public required string FinalUser { get; init; }
    public required string FinalWorkingDirectory { get; init; }
    public required IReadOnlyList<string> EntryPoint { get; init; }
    /// <summary>The shell command of the RUN that publishes (mounts stripped), and the WORKDIR it runs in.</summary>
    public required (string Command, string WorkingDirectory) Publish { get; init; }

    public static Dockerfile Read(string path)
    {
        var arguments = new Dictionary<string, string>();
        var bases = new List<string>();
        var environment = new Dictionary<string, string>();
        string user = "root", workdir = "/", finalWorkdir = "/";
        IReadOnlyList<string> entry = [];
        (string, string)? publish = null;
        foreach (var (keyword, rest) in Instructions(File.ReadAllText(path)))
        {
            switch (keyword)
            {
                case "ARG":
                    var (name, value) = Split(rest);
                    arguments.TryAdd(name, value);
                    break;
                case "FROM":
                    bases.Add(Substitute(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], arguments));
                    (environment, user, workdir) = ([], "root", "/");
                    break;
                case "ENV":
                    foreach (Match pair in EnvPair().Matches(rest))
                    {
                        environment[pair.Groups[1].Value] = pair.Groups[2].Value;
                    }
                    break;
                case "WORKDIR":
                    workdir = finalWorkdir = rest;
                    break;
                case "USER":
                    user = rest;
                    break;
                case "ENTRYPOINT":
                    entry = JsonSerializer.Deserialize<string[]>(rest)!;
                    break;
                case "RUN" when rest.Contains("dotnet publish"):
                    publish = (Mounts().Replace(rest, "").Trim(), workdir);
                    break;
                case "RUN" or "COPY" or "EXPOSE":
                    break;
                default:
                    throw new InvalidOperationException($"{path}: instruction {keyword} is not understood by the image tests.");
            }
        }
        return new Dockerfile
        {
            Arguments = arguments,
            BaseImages = bases,
            FinalEnvironment = environment,
            FinalUser = user,
            FinalWorkingDirectory = finalWorkdir,
            EntryPoint = entry,
            Publish = publish ?? throw new InvalidOperationException($"{path} has no RUN … dotnet publish."),
        };
    }

    /// <summary>Instructions with continuation lines joined and comments dropped.</summary>
    private static IEnumerable<(string Keyword, string Arguments)> Instructions(string text)
    {
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('#') || (current.Length == 0 && line.Length == 0))
            {
                continue;
            }
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (line.EndsWith('\\'))
            {
                continue;
            }
            var space = current.IndexOf(' ');
            yield return (current[..space].ToUpperInvariant(), Spaces().Replace(current[(space + 1)..], " ").Trim());
            current = "";
        }
    }

    private static (string, string) Split(string argument)
    {
        var equals = argument.IndexOf('=');
        return equals < 0 ? (argument, "") : (argument[..equals], argument[(equals + 1)..]);
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> arguments) =>
        Variable().Replace(text, m => arguments.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(\w+)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"--mount=\S+")]
    private static partial Regex Mounts();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
