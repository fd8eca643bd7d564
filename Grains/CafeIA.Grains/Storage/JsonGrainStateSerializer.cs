using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace CafeIA.Storage;

/// <summary>
/// Stores grain state as System.Text.Json documents: the domain state stays plain C# (no Orleans
/// attributes) and a stored session is readable JSON in SQLite or PostgreSQL.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
        ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}
