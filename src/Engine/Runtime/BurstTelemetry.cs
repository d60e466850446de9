using System.Diagnostics;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The span and timing of one burst (see <see cref="EngineTelemetry"/>). The executor says what ran with
/// <see cref="Ran"/>; disposing it records the burst as run, as Skipped (nothing to run) or as Error.
/// </summary>
internal sealed class BurstTelemetry : IDisposable
{
    private readonly string _kind;
    private readonly Activity? _span;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _status = "Skipped";

    public BurstTelemetry(ClaimedWork work, string kind, Activity? span)
    {
        _kind = kind;
        _span = span;
        if (span is not null)
        {
            span.SetTag("sleek.instance.id", work.InstanceId);
            span.SetTag("sleek.trigger", kind);
            span.SetTag("sleek.work_item.id", work.Id);
            span.SetTag("sleek.work_item.attempt", work.Attempts);
        }
    }

    /// <summary>The burst ran: the instance's definition, the status it left it in, the activities it ran, and an incident when it faulted.</summary>
    public void Ran(string definitionId, int version, WorkflowStatus status, int steps, IncidentInfo? incident)
    {
        _status = status.ToString();
        if (incident is not null)
        {
            EngineTelemetry.RecordIncident(incident.ActivityType);
        }

        if (_span is not null)
        {
            _span.SetTag("sleek.definition.id", definitionId);
            _span.SetTag("sleek.definition.version", version);
            _span.SetTag("sleek.steps", steps);
            if (incident is not null)
            {
                _span.SetStatus(ActivityStatusCode.Error, incident.Error);
            }
        }
    }

    /// <summary>A burst run in a request reached an activity that may call out: rolled back, it runs on the queued path.</summary>
    public void Queued() => _status = "Queued";

    /// <summary>The burst threw; its work item is retried or the instance faulted.</summary>
    public void Failed(Exception error)
    {
        _status = "Error";
        _span?.SetStatus(ActivityStatusCode.Error, error.Message);
    }

    public void Dispose()
    {
        EngineTelemetry.BurstEnded(_kind, _status, Stopwatch.GetElapsedTime(_started).TotalSeconds);
        if (_span is not null)
        {
            _span.SetTag("sleek.status", _status);
            _span.Dispose();
        }
    }
}
