using System.Net;
using System.Net.Sockets;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A plain TCP load balancer of the test's own, standing for the Kubernetes Service / Ingress in
/// front of the gateways: each new connection goes to the next backend that accepts it.
/// </summary>
internal sealed class TcpLoadBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> _backends;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient Client, TcpClient Backend)> _links = [];
    private int _next;

    /// <summary>Connections this balancer cut on purpose (chaos tests).</summary>
    public int Dropped { get; private set; }

    public Uri Address { get; }

    public TcpLoadBalancer(IReadOnlyList<Uri> backends)
    {
        _backends = backends;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _ = Task.Run(AcceptLoop);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => Forward(client));
        }
    }

    private async Task Forward(TcpClient client)
    {
        using (client)
        {
            var backend = await ConnectToABackend();
            if (backend is null)
            {
                return;
            }
            using (backend)
            {
                lock (_links)
                {
                    _links.Add((client, backend));
                }
                var a = client.GetStream();
                var b = backend.GetStream();
                // When either side closes (or a gateway dies) the other is closed too.
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
                lock (_links)
                {
                    _links.Remove((client, backend));
                }
            }
        }
    }

    /// <summary>Cuts a random share of the open connections, as a flaky network would.</summary>
    public void DropRandom(double share, Random random)
    {
        List<(TcpClient Client, TcpClient Backend)> victims;
        lock (_links)
        {
            victims = [.. _links.Where(_ => random.NextDouble() < share)];
        }
        foreach (var (client, backend) in victims)
        {
            // A link may be ending on its own at this very moment.
            client.Client?.Close();
            backend.Client?.Close();
            Dropped++;
        }
    }

    private async Task<TcpClient?> ConnectToABackend()
    {
        for (var attempt = 0; attempt < _backends.Count; attempt++)
        {
            var target = _backends[(int)((uint)Interlocked.Increment(ref _next) % _backends.Count)];
            var backend = new TcpClient();
            try
            {
                await backend.ConnectAsync(target.Host, target.Port, _stop.Token);
                return backend;
            }
            catch (SocketException)
            {
                backend.Dispose();
            }
        }
        return null;
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
