using CafeIA.Hosting;

namespace CafeIA.Silo;

public static class SiloApplication
{
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.UseOrleans(silo => silo.AddCafeSilo(builder.Configuration));
        return builder.Build();
    }
}
