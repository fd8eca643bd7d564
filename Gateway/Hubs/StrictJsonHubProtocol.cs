using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// SignalR's JSON protocol, except that an invocation SignalR cannot bind (unknown method,
/// missing or extra arguments, wrong types, broken UTF-16) becomes a call of the hub's
/// "cafe.malformed" method, which refuses it with `invalid`. SignalR itself would answer with
/// its own wording, which is not part of our protocol's stable codes.
/// </summary>
internal sealed class StrictJsonHubProtocol(JsonHubProtocol inner) : IHubProtocol
{
    public const string MalformedTarget = "cafe.malformed";

    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }
        if (message is InvocationBindingFailureMessage failure)
        {
            message = new InvocationMessage(failure.InvocationId, MalformedTarget, [failure.Target]);
        }
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
}
