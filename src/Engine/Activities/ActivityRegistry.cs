using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>
/// All activity types this host can run, keyed by JSON type name. Built once at start-up; a class
/// with a bad declaration fails registration at once, naming the class.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);

    /// <summary>Every registered descriptor, ordered by category then type.</summary>
    public IReadOnlyList<ActivityDescriptor> All =>
        [.. _byType.Values.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal)];

    /// <summary>The descriptor of a type name, or null when unknown.</summary>
    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);

    /// <summary>Registers an activity class.</summary>
    /// <exception cref="InvalidOperationException">The class is not a valid activity; the message names it.</exception>
    public ActivityRegistry Add<TActivity>()
        where TActivity : IActivity, new() => Add(typeof(TActivity));

    /// <summary>Registers every non-abstract <see cref="IActivity"/> with an <see cref="ActivityAttribute"/> in an assembly.</summary>
    public ActivityRegistry AddFromAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IActivity).IsAssignableFrom(t)))
        {
            if (type.GetCustomAttribute<ActivityAttribute>() is not null)
            {
                Add(type);
            }
        }

        return this;
    }

    private ActivityRegistry Add(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"Activity class {type.FullName} has no [Activity] attribute.");
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"Activity class {type.FullName} needs a public parameterless constructor; take services from ActivityContext.Services.");
        }

        if (string.IsNullOrWhiteSpace(attribute.Type) || attribute.Type.Any(c => !char.IsLetterOrDigit(c) && c != '.'))
        {
            throw new InvalidOperationException($"Activity class {type.FullName} has an invalid type name '{attribute.Type}': use letters, digits and dots.");
        }

        if (_byType.TryGetValue(attribute.Type, out var existing) && existing.ClrType != type)
        {
            throw new InvalidOperationException($"Activity type '{attribute.Type}' is declared by both {existing.ClrType.FullName} and {type.FullName}.");
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<InputAttribute>() is not null)
            .ToList();
        var prototype = Activator.CreateInstance(type)!;
        var inputs = new List<InputDescriptor>();
        foreach (var property in properties)
        {
            if (!property.CanWrite)
            {
                throw new InvalidOperationException($"Input {type.FullName}.{property.Name} must have a setter.");
            }

            var input = property.GetCustomAttribute<InputAttribute>()!;
            var defaultValue = property.GetValue(prototype);
            inputs.Add(new InputDescriptor(
                JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                JsonTypeOf(property.PropertyType),
                input.Required,
                defaultValue is null ? null : JsonSerializer.SerializeToNode(defaultValue, property.PropertyType, InputJson.Options),
                input.Description,
                input.Options,
                input.LiteralOnly,
                input.UiHint,
                input.NamesVariable,
                input.ExpressionOnly));
        }

        _byType[attribute.Type] = new ActivityDescriptor(type, attribute, inputs, properties);
        return this;
    }

    private static string JsonTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(TimeSpan) || type == typeof(DateTime) || type.IsEnum)
        {
            return "string";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "integer";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "number";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(JsonArray) || (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && type != typeof(JsonObject) && !type.IsAssignableTo(typeof(System.Collections.IDictionary))))
        {
            return type == typeof(JsonNode) ? "any" : "array";
        }

        return type == typeof(JsonNode) ? "any" : "object";
    }
}
