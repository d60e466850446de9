using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Refuses an optional query or route value that does not parse (<c>?limit=lots</c>, <c>?from=yesterday</c>) before the
/// endpoint runs, with the same <see cref="BadHttpRequestException"/> a required value gets, so
/// <see cref="ProblemExceptionHandler"/> answers a problem naming the field.
/// </summary>
/// <remarks>
/// The endpoints' request delegates are generated at build time (the Request Delegate Generator) rather than compiled
/// from expression trees at start-up, which was about a fifth of a restart. Its generated binding answers a bad
/// <em>optional</em> value with a bare 400 and no word of which field was wrong (a required one throws, as it should,
/// since <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on). Each endpoint's <see cref="IParameterBindingMetadata"/> says
/// which of its parameters are optional and parsable; they are checked here with the same parse the binding uses.
/// </remarks>
internal static class OptionalValueCheck
{
    private static readonly ConcurrentDictionary<Endpoint, ValueCheck[]> ChecksByEndpoint = new();

    private static readonly MethodInfo ParsesMethod = typeof(OptionalValueCheck).GetMethod(nameof(Parses), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Placed after authorization, where binding would otherwise be the next thing to look at the request.</summary>
    public static void UseOptionalValueCheck(this WebApplication app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint() is { } endpoint)
        {
            foreach (var check in ChecksByEndpoint.GetOrAdd(endpoint, ChecksOf))
            {
                check.Verify(context);
            }
        }

        return next(context);
    });

    internal static ValueCheck[] ChecksOf(Endpoint endpoint)
    {
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern;
        var checks = new List<ValueCheck>();
        foreach (var binding in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            if (!binding.IsOptional || !binding.HasTryParse || ParserFor(binding.ParameterInfo.ParameterType) is not { } parses)
            {
                continue;
            }

            var attributes = binding.ParameterInfo.GetCustomAttributes(inherit: true);
            var (source, key) = attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query ? (ValueSource.Query, query.Name ?? binding.Name)
                : attributes.OfType<IFromRouteMetadata>().FirstOrDefault() is { } route ? (ValueSource.Route, route.Name ?? binding.Name)
                : attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header ? (ValueSource.Header, header.Name ?? binding.Name)
                : (RouteHas(pattern, binding.Name) ? ValueSource.Route : ValueSource.Query, binding.Name);
            checks.Add(new ValueCheck(source, key, TypeName(binding.ParameterInfo.ParameterType), parses));
        }

        return [.. checks];
    }

    private static bool RouteHas(RoutePattern? pattern, string name) => pattern?.GetParameter(name) is not null;

    private static Func<string, bool>? ParserFor(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return s => Enum.TryParse(underlying, s, ignoreCase: false, out _);
        }

        var parsable = typeof(IParsable<>).MakeGenericType(underlying);
        return parsable.IsAssignableFrom(underlying)
            ? ParsesMethod.MakeGenericMethod(underlying).CreateDelegate<Func<string, bool>>()
            : null;
    }

    // The parse the generated binding uses for an IParsable value.
    private static bool Parses<T>(string value) where T : IParsable<T> => T.TryParse(value, CultureInfo.InvariantCulture, out _);

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;

    internal enum ValueSource
    {
        Query,
        Route,
        Header,
    }

    internal sealed record ValueCheck(ValueSource Source, string Key, string TypeName, Func<string, bool> Parses)
    {
        public void Verify(HttpContext context)
        {
            var raw = Source switch
            {
                ValueSource.Query => (string?)context.Request.Query[Key],
                ValueSource.Route => context.Request.RouteValues[Key]?.ToString(),
                _ => (string?)context.Request.Headers[Key],
            };
            if (!string.IsNullOrEmpty(raw) && !Parses(raw))
            {
                // The wording RequestDelegateFactory uses, which ProblemExceptionHandler turns into a problem naming the field.
                throw new BadHttpRequestException($"Failed to bind parameter \"{TypeName} {Key}\" from \"{raw}\".");
            }
        }
    }
}
