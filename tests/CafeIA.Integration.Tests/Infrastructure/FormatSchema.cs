using System.Text.Json;
using Json.Schema;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>docs/format.schema.json, loaded once per test process (JsonSchema.Net registers a schema's $id globally, once).</summary>
internal static class FormatSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(Repository.Root, "docs", "format.schema.json")));

    /// <summary>Fails with every error's location when the format does not validate.</summary>
    public static void AssertValid(string json)
    {
        var validation = Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(validation.IsValid, string.Join("\n", (validation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    public static bool IsValid(string json) =>
        Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
}
