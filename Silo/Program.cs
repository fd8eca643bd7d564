using CafeIA.Silo;

// A standalone silo: the gateway joins it as an Orleans client with Gateway:Mode=Client.
await SiloApplication.Build(args).RunAsync();
