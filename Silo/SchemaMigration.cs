using CafeIA.Grains.Hosting;
using CafeIA.Hosting;
using CafeIA.Storage;

namespace CafeIA.Silo;

/// <summary>`CafeIA.Silo migrate`: applies the (idempotent) schema scripts of the configured database.</summary>
public static class SchemaMigration
{
    public static async Task<int> Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = configuration.GetSection(CafeStorageOptions.Section).Get<CafeStorageOptions>() ?? new();
        var target = StorageTarget.From(options);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await SchemaInitializer.Apply(target, cancel.Token);
        Console.WriteLine($"Schema {target.SchemaScript} applied to {options.Provider}.");
        return 0;
    }
}
