using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// A burst run inside a request (<see cref="BurstRequest.InProcessOnly"/>) reached an activity that may call another
/// system. Nothing has run of it; the caller rolls the burst back and takes the queued path.
/// </summary>
public sealed class OutOfProcessActivityException(string activityId, string activityType)
    : Exception($"activity '{activityId}' ({activityType}) is not marked {nameof(ActivityAttribute.InProcess)}: it runs on the queued path")
{
    /// <summary>The activity reached.</summary>
    public string ActivityId { get; } = activityId;

    /// <summary>Its type.</summary>
    public string ActivityType { get; } = activityType;
}
