using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A SignalR JSON-protocol client on a bare WebSocket, for writing frames no well-behaved client
/// would: any JSON (or none), any depth, any size. Invocations are answered in order.
/// </summary>
internal sealed class RawHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _pending = new();
    private int _ids;

    public WebSocketState State => _socket.State;

    /// <summary>How long a connection or a call may wait for the server: past it the test fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<RawHubClient> Connect(Uri baseAddress)
    {
        var client = new RawHubClient();
        var ws = new UriBuilder(new Uri(baseAddress, "/hubs/cafe")) { Scheme = "ws" }.Uri;
        using var deadline = new CancellationTokenSource(Patience);
        await client._socket.ConnectAsync(ws, deadline.Token);
        await client.SendText("{\"protocol\":\"json\",\"version\":1}" + Separator);
        var handshake = await client.Receive(deadline.Token);
        Assert.Equal("{}", handshake);
        return client;
    }

    /// <summary>
    /// Sends an invocation whose arguments are raw JSON text; returns the refusal's code (read from
    /// the result's "refused" field), "error: …" for a call that failed, or null when it succeeded.
    /// </summary>
    public async Task<string?> Invoke(string target, string rawArguments)
    {
        var id = (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendText($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":{JsonSerializer.Serialize(target)},\"arguments\":{rawArguments}}}{Separator}");
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var message = await Receive(deadline.Token) ?? throw new WebSocketException($"closed by the server after {target} {rawArguments[..Math.Min(120, rawArguments.Length)]}");
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            if (root.GetProperty("type").GetInt32() == 3 && root.GetProperty("invocationId").GetString() == id)
            {
                return root.TryGetProperty("error", out var error) ? $"error: {error.GetString()}"
                    : root.TryGetProperty("result", out var result) ? HubCalls.RefusalIn(result)?.Code
                    : null;
            }
        }
    }

    public Task SendText(string text) => SendBytes(Encoding.UTF8.GetBytes(text));

    public Task SendBytes(byte[] bytes) => _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message (without its separator), skipping pings; null once closed.</summary>
    public async Task<string?> Receive(CancellationToken cancellation = default)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(Separator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                var message = text[..end];
                if (message.Contains("\"type\":6", StringComparison.Ordinal))
                {
                    continue; // ping
                }
                return message;
            }
            var result = await _socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    /// <summary>
    /// Reads and drops whatever the server sends from now on, as a page that keeps up would (a
    /// client that stops reading would make the server buffer for it); no other read may follow.
    /// </summary>
    public Task Drain() => Task.Run(async () =>
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while ((await _socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed.
        }
    });

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }
        _socket.Dispose();
    }
}
