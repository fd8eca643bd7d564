using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Api;

/// <summary>
/// Reads a request body that may carry a format (POST /api/sessions): bounded in size, the schema
/// version checked before anything else (a newer one is refused as such, not as unknown fields),
/// then read strictly, so a fault is refused with the field it is in.
/// </summary>
public sealed class FormatUpload(IOptions<JsonOptions> json)
{
    /// <summary>A format of 50 activities with 10-option polls and 200-statement maps fits well below this.</summary>
    public const int MaxBytes = 512 * 1024;

    public async Task<(T? Body, Refusal? Refusal)> Read<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return (null, new Refusal(RefusalCodes.Invalid, "Send a JSON object.", "$"));
        }
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                if (NewerFormat(document.RootElement) is { } newer)
                {
                    return (null, newer);
                }
            }
            return (JsonSerializer.Deserialize<T>(bytes, json.Value.SerializerOptions), null);
        }
        catch (JsonException ex)
        {
            // An unknown property: the parser names it in its message, at the path of its object.
            var unknown = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? ex.Message.Split('\'').ElementAtOrDefault(1) : null;
            var at = Field(ex.Path);
            var field = unknown is null || at.EndsWith(unknown, StringComparison.Ordinal) ? at : at is "$" ? unknown : $"{at}.{unknown}";
            var sentence = unknown is null ? "not of the shape docs/format.schema.json gives it." : "no such property in docs/format.schema.json.";
            return (null, new Refusal(RefusalCodes.Invalid, $"{field}: {sentence}", field));
        }
    }

    private static Refusal? NewerFormat(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Object
            && format.TryGetProperty("schemaVersion", out var version) && version.TryGetInt32(out var number) && number > SessionFormat.CurrentSchemaVersion)
        {
            return new Refusal(RefusalCodes.UnsupportedVersion,
                $"format.schemaVersion: this format was written for schema version {number}; this server reads up to {SessionFormat.CurrentSchemaVersion}.",
                "format.schemaVersion");
        }
        return null;
    }

    private static Refusal TooLarge() =>
        new(RefusalCodes.Invalid, $"format: a request with a format has at most {MaxBytes / 1024} KB.", "format");

    /// <summary>"$.format.agenda[2].poll.kind" → "format.agenda[2].poll.kind".</summary>
    private static string Field(string? path) => path is null or "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
