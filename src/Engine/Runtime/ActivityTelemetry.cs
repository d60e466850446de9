using System.Diagnostics;
using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The span and timing of one activity execution or resume (see <see cref="EngineTelemetry"/>).
/// <see cref="Completed"/> records what it returned; disposed without it (it threw) the outcome is Error.
/// </summary>
internal sealed class ActivityTelemetry : IDisposable
{
    private readonly string _activityType;
    private readonly Activity? _span;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _outcome = "Error";

    public ActivityTelemetry(string activityType, Activity? span, string activityId)
    {
        _activityType = activityType;
        _span = span;
        if (span is not null)
        {
            span.SetTag("sleek.activity.id", activityId);
            span.SetTag("sleek.activity.type", activityType);
        }
    }

    /// <summary>Records the result and hands it back, so a caller can write <c>return telemetry.Completed(result)</c>.</summary>
    public ActivityResult Completed(ActivityResult result)
    {
        _outcome = result.Kind.ToString();
        if (_span is not null)
        {
            if (result.Ports.Count > 0)
            {
                _span.SetTag("sleek.activity.port", string.Join(",", result.Ports));
            }

            if (result.Kind == ActivityResultKind.Fault)
            {
                _span.SetStatus(ActivityStatusCode.Error, result.Error);
            }
        }

        return result;
    }

    public void Dispose()
    {
        EngineTelemetry.ActivityEnded(_activityType, _outcome, Stopwatch.GetElapsedTime(_started).TotalSeconds);
        if (_span is not null)
        {
            _span.SetTag("sleek.activity.outcome", _outcome);
            _span.Dispose();
        }
    }
}
