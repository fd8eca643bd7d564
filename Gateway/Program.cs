using CafeIA.Gateway;

// Café IA Live gateway: HTTP API, SignalR hub and pages; co-hosts the silo unless Gateway:Mode=Client.
// `backup --to FILE` copies the embedded SQLite store, online (while the gateway runs), and exits.
if (args.FirstOrDefault() == "backup")
{
    return await CafeIA.Storage.StoreBackup.Command(args[1..]);
}
var app = GatewayApplication.Build(args);
await app.RunAsync();
return 0;
