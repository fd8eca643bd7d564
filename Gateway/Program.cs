using CafeIA.Gateway;

// Café IA Live gateway: HTTP API, SignalR hub and pages; co-hosts the silo unless Gateway:Mode=Client.
var app = GatewayApplication.Build(args);
await app.RunAsync();
