namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How ops resolved an incident; stored as snake_case text by <see cref="Persistence.SnakeCaseEnumConverter{TEnum}"/>, shown by its name in the API (<c>"Retried"</c>).</summary>
public enum IncidentResolution
{
    /// <summary>Ops retried the instance.</summary>
    Retried,

    /// <summary>The instance was cancelled.</summary>
    Cancelled,
}
