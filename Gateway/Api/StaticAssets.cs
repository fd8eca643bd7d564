using Microsoft.AspNetCore.ResponseCompression;

namespace CafeIA.Gateway.Api;

/// <summary>
/// The pages on a slow phone connection: text compressed (Brotli, else gzip); Vite's
/// content-hashed files under /assets cached for a year; HTML revalidated on every visit (the
/// page routes, <see cref="Pages"/>, serve it).
/// </summary>
public static class StaticAssets
{
    public static IServiceCollection AddCompressedAssets(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });

    public static IApplicationBuilder UseCompressedAssets(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
    }
}
