namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>
/// A business document an instance works for, as people call it (e.g. kind "quote", number "Q-2026-0001"). The engine
/// leaves these empty; the host fills them from the domain, so lists show numbers instead of raw correlation ids.
/// </summary>
/// <param name="Kind">What it is: quote, order…</param>
/// <param name="Id">Its id.</param>
/// <param name="Number">Its number as people read it.</param>
public sealed record InstanceReference(string Kind, Guid Id, string Number);
