using CafeIA.Silo;

// A standalone silo: the gateway joins it as an Orleans client with Gateway:Mode=Client.
// `migrate` applies the database schema and exits (a deployment step, e.g. a Kubernetes Job).
// `backup --to FILE` copies the embedded SQLite store, online, and exits.
if (args.FirstOrDefault() == "migrate")
{
    return await SchemaMigration.Run(args[1..]);
}
if (args.FirstOrDefault() == "backup")
{
    return await CafeIA.Storage.StoreBackup.Command(args[1..]);
}
await SiloApplication.Build(args).RunAsync();
return 0;
