using System.Text.Json;
using System.Text.Json.Serialization;

namespace CafeIA.Gateway.Hosting;

/// <summary>One JSON shape for HTTP and SignalR: camelCase, enums as camelCase strings, nulls omitted.</summary>
public static class JsonSetup
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    public static IServiceCollection AddCafeJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));
}
