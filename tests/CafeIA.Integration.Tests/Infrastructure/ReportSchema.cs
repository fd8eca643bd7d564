using System.Text.Json;
using Json.Schema;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>docs/report.schema.json, loaded once per test process (JsonSchema.Net registers a schema's $id globally, once).</summary>
internal static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(Repository.Root, "docs", "report.schema.json")));

    /// <summary>Fails with every error's location when the report does not validate.</summary>
    public static void AssertValid(string json)
    {
        var validation = Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(validation.IsValid, string.Join("\n", (validation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }
}
