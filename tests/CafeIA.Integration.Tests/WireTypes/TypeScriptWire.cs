using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CafeIA.Integration.Tests.WireTypes;

/// <summary>
/// TypeScript declarations of wire records, read from System.Text.Json's own contract for them
/// (<see cref="JsonTypeInfo"/> under the gateway's options): the names, the optional fields (null
/// is not written), enums as their camelCase strings, polymorphic events as a union tagged by "type".
/// </summary>
internal sealed class TypeScriptWire(JsonSerializerOptions options)
{
    private readonly SortedDictionary<string, string> _declarations = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _seen = [];

    public string Write(IEnumerable<Type> roots)
    {
        foreach (var root in roots)
        {
            Declare(root);
        }
        var text = new StringBuilder("// Generated from the C# wire records by WireTypesTests (tests/CafeIA.Integration.Tests/WireTypes).\n")
            .Append("// Do not edit: run that test with CAFE_WRITE_WIRE=1 to write it again.\n");
        foreach (var declaration in _declarations.Values)
        {
            text.Append('\n').Append(declaration).Append('\n');
        }
        return text.ToString();
    }

    private string TypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(TimeSpan))
        {
            return "string";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type.IsPrimitive || type == typeof(decimal))
        {
            return "number";
        }
        if (type == typeof(object) || type == typeof(JsonElement))
        {
            return "unknown";
        }
        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                var element = TypeOf(info.ElementType!);
                return element.Contains(' ', StringComparison.Ordinal) ? $"({element})[]" : $"{element}[]";
            case JsonTypeInfoKind.Dictionary:
                return $"Record<string, {TypeOf(info.ElementType!)}>";
            case JsonTypeInfoKind.None when type.IsEnum:
                Declare(type);
                return type.Name;
            case JsonTypeInfoKind.Object:
                Declare(type);
                return type.Name;
            default:
                return "unknown";
        }
    }

    private void Declare(Type type)
    {
        if (!_seen.Add(type))
        {
            return;
        }
        if (type.IsEnum)
        {
            var names = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, options));
            _declarations[type.Name] = $"export type {type.Name} = {string.Join(" | ", names)};";
            return;
        }
        var info = options.GetTypeInfo(type);
        var fields = new StringBuilder();
        foreach (var property in info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var optional = property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            fields.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {property.Name}{(optional ? "?" : "")}: {TypeOf(property.PropertyType)};\n");
        }
        if (info.PolymorphismOptions is { } polymorphism)
        {
            var kinds = polymorphism.DerivedTypes.Select(d => (Name: TypeOf(d.DerivedType), Tag: JsonSerializer.Serialize(d.TypeDiscriminator)));
            _declarations[type.Name] = $"export type {type.Name} =\n" + string.Join("\n", kinds.Select(k =>
                $"  | ({{ {polymorphism.TypeDiscriminatorPropertyName}: {k.Tag} }} & {k.Name})")) + ";";
            return;
        }
        _declarations[type.Name] = $"export interface {type.Name} {{\n{fields}}}";
    }
}
