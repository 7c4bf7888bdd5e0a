using Bundlinje.Fund;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>The balance at a column's end: the deterministic table's, and over the scenarios its 10th, 50th and 90th
/// percentile, mean and standard deviation (kr., rounded to the krone except the deterministic one).</summary>
public sealed record BalanceBand(EconomicsColumn Column, decimal Deterministic, decimal P10, decimal P50, decimal P90, decimal Mean,
    decimal StdDev);

/// <summary>An investment's part in the downside at the worst column: <see cref="VarianceShare"/> = Cov(Dᵢ, D) / Var(D), where
/// Dᵢ is the investment's deviation of the balance from the deterministic table at that column and D = Σ Dᵢ the balance's
/// (the shares sum to 1; a negative share hedges). <see cref="MeanDeviation"/>: the mean of Dᵢ (negative: the investment
/// is expected to pay back less than the budget counts); <see cref="StdDev"/>: the standard deviation of Dᵢ.</summary>
public sealed record DownsideShare(string Key, string Name, double VarianceShare, decimal MeanDeviation, decimal StdDev);

/// <summary>
/// What <see cref="FundSimulation.Run"/> found. <see cref="PBelowZero"/> / <see cref="PBelowReserved"/>: the share of
/// scenarios whose balance goes below zero / below <see cref="Reserved"/> in any budget column within the horizon.
/// <see cref="Room"/>: the largest amount X (≥ 0) that can be bound now with the balance staying ≥ 0 in every such column
/// in at least <see cref="Confidence"/> of the scenarios — the (1 − confidence) quantile of the scenarios' lowest balance.
/// <see cref="DeterministicRoom"/>: today's råderum from the deterministic table (<see cref="RoomForNewInvestments"/>).
/// </summary>
public sealed record SimulationResult(
    int Scenarios, long Seed, double Confidence, IReadOnlyList<BalanceBand> Years, double PBelowZero, double PBelowReserved,
    decimal Reserved, EconomicsColumn? WorstColumn, IReadOnlyList<DownsideShare> Ranking, decimal Room, Room? DeterministicRoom,
    IReadOnlyList<string> Uncertain, IReadOnlyList<string> Certain);
