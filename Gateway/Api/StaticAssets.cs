using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace CafeIA.Gateway.Api;

/// <summary>
/// The pages on a slow phone connection: Vite's content-hashed files under /assets are sent
/// compressed at build time (Brotli, else gzip: <c>Web/precompress.ts</c>) and cached for a
/// year; other responses (HTML, API) are compressed on the fly; HTML is revalidated on every
/// visit (the page routes, <see cref="Pages"/>, serve it).
/// </summary>
public static class StaticAssets
{
    private static readonly (string Encoding, string Suffix)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

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
        var files = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        app.UseResponseCompression();
        // Before the static files: an asset with a precompressed copy the client accepts is sent
        // as that copy. A response that already has a Content-Encoding is not compressed again.
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/assets"))
            {
                var accepted = request.GetTypedHeaders().AcceptEncoding;
                foreach (var (encoding, suffix) in Precompressed)
                {
                    var wanted = accepted.Any(e => string.Equals(e.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
                    if (wanted && files.GetFileInfo(request.Path + suffix).Exists)
                    {
                        request.Path += suffix;
                        break;
                    }
                }
            }
            return next(context);
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new PrecompressedContentTypes(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                var asset = context.Context.Request.Path.StartsWithSegments("/assets");
                headers.CacheControl = asset ? "public, max-age=31536000, immutable" : "no-cache";
                if (asset)
                {
                    headers.Vary = HeaderNames.AcceptEncoding;
                }
                // The served file says its encoding (also when a .br or .gz is asked for by name).
                foreach (var (encoding, suffix) in Precompressed)
                {
                    if (context.File.Name.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        headers.ContentEncoding = encoding;
                    }
                }
            },
        });
    }

    /// <summary>A precompressed copy (<c>app.js.br</c>) has the type of the file it compresses.</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            var original = Precompressed.Aggregate(subpath, (path, p) => path.EndsWith(p.Suffix, StringComparison.Ordinal) ? path[..^p.Suffix.Length] : path);
            return _types.TryGetContentType(original, out contentType!);
        }
    }
}
