using CafeIA.Silo;

// A standalone silo: the gateway joins it as an Orleans client with Gateway:Mode=Client.
// `migrate` applies the database schema and exits (a deployment step, e.g. a Kubernetes Job).
if (args.FirstOrDefault() == "migrate")
{
    return await SchemaMigration.Run(args[1..]);
}
await SiloApplication.Build(args).RunAsync();
return 0;
