namespace Sleek.Workflows.Host.Endpoints.Health;

/// <summary>The answer of <c>GET /health</c> (200 when the database answers, else 503 with the same shape).</summary>
/// <param name="Status">Healthy, Degraded (workers or wake-ups failing) or Unhealthy (no database).</param>
/// <param name="Database">The database check.</param>
/// <param name="Workers">The workers' heartbeat.</param>
/// <param name="WakeUps">How idle workers learn of new work.</param>
internal sealed record HealthReport(string Status, DatabaseHealth Database, WorkersHealth Workers, WakeUpsHealth WakeUps);

/// <summary>The database check.</summary>
/// <param name="Provider">PostgreSQL or SQLite.</param>
/// <param name="Ok">It answered.</param>
/// <param name="Error">Why not (only "unavailable" for callers other than staff).</param>
internal sealed record DatabaseHealth(string Provider, bool Ok, string? Error);

/// <summary>The workers' heartbeat.</summary>
/// <param name="Ok">They beat in the last 30 s without an error (and wake-ups work).</param>
/// <param name="LastBeat">UTC.</param>
/// <param name="LastError">Their last error (only "failing" for callers other than staff).</param>
/// <param name="DueWorkItems">Work due now that no worker holds.</param>
internal sealed record WorkersHealth(bool Ok, DateTime? LastBeat, string? LastError, int DueWorkItems);

/// <summary>How idle workers learn of new work.</summary>
/// <param name="Mode">listen/notify (PostgreSQL) or polling.</param>
/// <param name="Ok">The listener is connected (always true when polling).</param>
/// <param name="ListenSessions">LISTEN connections open now: 1 while listening, 0 while it reconnects (and when polling).</param>
/// <param name="Reconnects">How many times the LISTEN connection was lost and opened again since the host started.</param>
internal sealed record WakeUpsHealth(string Mode, bool Ok, int ListenSessions, int Reconnects);
