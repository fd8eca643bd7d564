namespace CafeIA.Domain;

/// <summary>
/// Every size limit of a session, in one place (configuration section "Limits").
/// The domain enforces them; docs/PROTOCOL.md lists the defaults.
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Limits";

    public int MaxTitleLength { get; set; } = 120;
    public int MaxDisplayNameLength { get; set; } = 40;
    public int MaxQuestionLength { get; set; } = 500;
    public int MaxQuestionsPerSession { get; set; } = 2_000;
    public int MaxPollQuestionLength { get; set; } = 200;
    public int MinPollOptions { get; set; } = 2;
    public int MaxPollOptions { get; set; } = 10;
    public int MaxPollOptionLength { get; set; } = 100;
    public int MaxPollsPerSession { get; set; } = 100;
    public int MaxWordsPerBallot { get; set; } = 3;
    public int MaxWordLength { get; set; } = 30;
    public int WordCloudSize { get; set; } = 60;
    public int MinScale { get; set; } = 2;
    public int MaxScale { get; set; } = 10;
    public int DefaultScale { get; set; } = 5;
    public int MaxScaleLabelLength { get; set; } = 40;
    public int MaxAnswerLength { get; set; } = 280;
    public int MaxRejectReasonLength { get; set; } = 200;
    public int MaxModeratorLinkLabelLength { get; set; } = 60;
    public int MaxModeratorLinks { get; set; } = 20;
    public int MaxVideoUrlLength { get; set; } = 500;
}
