using Bundlinje.Common;

namespace Bundlinje.Investments;

/// <summary>The five steps of the maturity scale, from "ikke moden" (1) to "meget moden" (5).</summary>
public enum MaturityLevel { NotMature = 1, SlightlyMature = 2, PartlyMature = 3, Mature = 4, VeryMature = 5 }

/// <summary>A dated maturity assessment (modenhedsmåling) of an investment in development: four dimensions on the
/// five-step scale, with strengths and points of attention. Several per investment, compared over time.</summary>
public sealed class MaturityAssessment : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public MaturityLevel Organisation { get; set; }
    public MaturityLevel Content { get; set; }
    public MaturityLevel Anchoring { get; set; }
    public MaturityLevel FollowUp { get; set; }
    public string? Strengths { get; set; }
    public string? Attention { get; set; }
    public required string RecordedBy { get; set; }

    public static readonly string[] Dimensions = [nameof(Organisation), nameof(Content), nameof(Anchoring), nameof(FollowUp)];

    public MaturityLevel Level(string dimension) => dimension switch
    {
        nameof(Organisation) => Organisation,
        nameof(Content) => Content,
        nameof(Anchoring) => Anchoring,
        nameof(FollowUp) => FollowUp,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>Change since an earlier assessment, in scale steps per dimension (positive: more mature).</summary>
    public IReadOnlyDictionary<string, int> Since(MaturityAssessment earlier) =>
        Dimensions.ToDictionary(d => d, d => (int)Level(d) - (int)earlier.Level(d));
}
