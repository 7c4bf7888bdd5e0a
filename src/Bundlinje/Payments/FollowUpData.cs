namespace Bundlinje.Payments;

public enum ParticipantGroup { Treatment, Control }

/// <summary>A participant as the engine sees it: a pseudonym, never a CPR number.</summary>
public sealed record Person(string Pseudonym, string Cohort, ParticipantGroup Group, DateOnly EnrolledOn);

/// <summary>One register or provider-reported value in the long format: person, measure, period, value.</summary>
public sealed record Observation(string Person, string Measure, DateOnly From, DateOnly To, decimal Value);
