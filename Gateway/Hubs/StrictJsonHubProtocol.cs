using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// SignalR's JSON protocol, except that an invocation SignalR cannot bind (unknown method,
/// missing or extra arguments, wrong types, broken UTF-16) or cannot even read (JSON nested
/// deeper than allowed) becomes a call of the hub's "cafe.malformed" method, which refuses it
/// with `invalid`. SignalR itself would answer with its own wording, or close the connection.
/// Only a frame that is not JSON at all still closes the connection that sent it.
/// </summary>
internal sealed class StrictJsonHubProtocol(JsonHubProtocol inner) : IHubProtocol
{
    public const string MalformedTarget = "cafe.malformed";

    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;

    private const byte RecordSeparator = 0x1e;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        // The inner protocol consumes the frame from `input` before it fails to read it.
        var frame = input;
        try
        {
            if (!inner.TryParseMessage(ref input, binder, out message))
            {
                return false;
            }
        }
        catch (Exception) when (Unreadable(ref frame, out var unreadable))
        {
            input = frame;
            message = unreadable!;
            return true;
        }
        if (message is InvocationBindingFailureMessage failure)
        {
            message = new InvocationMessage(failure.InvocationId, MalformedTarget, [failure.Target]);
        }
        return true;
    }

    /// <summary>
    /// A message SignalR could not read: if it is still well-formed JSON (just too deep for the
    /// protocol's reader), skip it and answer its invocation id with `invalid`.
    /// </summary>
    private static bool Unreadable(ref ReadOnlySequence<byte> input, out HubMessage? message)
    {
        message = null;
        if (input.PositionOf(RecordSeparator) is not { } end)
        {
            return false;
        }
        var record = input.Slice(0, end);
        string? invocationId = null;
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(record, new System.Text.Json.JsonReaderOptions { MaxDepth = 4096 });
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "invocationId" && reader.TokenType == System.Text.Json.JsonTokenType.String)
                {
                    invocationId = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
        input = input.Slice(input.GetPosition(1, end));
        message = new InvocationMessage(invocationId, MalformedTarget, ["(unreadable)"]);
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
}
