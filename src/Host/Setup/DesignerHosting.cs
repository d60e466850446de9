using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Serves the designer's production build (src/Designer/dist, copied by Host.csproj to <c>designer/</c> next to
/// the host's assembly) at <c>/</c>, with index.html for every client route (a GET no endpoint matched, without a
/// file extension). API, health, OpenAPI, Scalar and metrics paths are never answered with the page: an unknown one
/// there stays a 404, and routing to the API is exactly what it is without the designer.
/// </summary>
internal static class DesignerHosting
{
    private static readonly string[] ReservedPrefixes = ["/api", "/health", "/openapi", "/scalar", "/metrics"];

    /// <summary>
    /// Call right after routing and before authentication: the page and its assets are public (they hold no data;
    /// every API call they make is authorized on its own), and the page is served only where no endpoint matched.
    /// </summary>
    public static void UseSleekDesigner(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "designer");
        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            // An engine-only build (-p:SkipDesignerBuild=true without a dist): the API works, the page is missing.
            app.Logger.LogWarning("The designer is not served: {Index} does not exist (build src/Designer, or build the host without -p:SkipDesignerBuild=true)", index);
            return;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite puts a content hash in every asset's name: those can be cached for good, the page never.
                context.Context.Response.Headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });

        // Client routes (/workflows/x, /instances/y) get the page. This is middleware that acts only when routing
        // found no endpoint, not a fallback endpoint: a catch-all endpoint would take part in endpoint selection and
        // change what API requests match (e.g. a body-less POST to an endpoint with an optional body).
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is not null
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || Path.HasExtension(request.Path.Value)
                || ReservedPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
        });
    }
}
