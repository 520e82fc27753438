using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Someone who wonders about calling an ambulance or the emergency number is asked about every emergency sign, even
/// when the rest of the message is not understood; an ambulance in the past asks nothing.
/// </summary>
public sealed class EmergencyCallTests
{
    private static RedFlagDetector Detector => Detectors.RulesOnly;

    [Theory]
    [InlineData("should I ring 999??")]
    [InlineData("do we call an ambulance or wait till morning")]
    [InlineData("muh tedha ho gaya sasu ka. 111??")]
    [InlineData("is this one for the paramedics")]
    public void Wondering_about_the_emergency_number_gets_the_question_on_every_emergency_sign(string message)
    {
        var result = Detector.Detect(message);

        Assert.Equal((CareLevel.None, "clarify-emergency-signs"), (result.Level, result.Clarify?.Id));
    }

    [Fact]
    public void An_ambulance_with_a_stroke_sign_is_the_emergency_itself()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("his face has dropped on one side, do I call an ambulance").Level);

    [Fact]
    public void An_ambulance_years_ago_asks_nothing()
    {
        var result = Detector.Detect("the ambulance took him in when he had his stroke in 2019, now I want exercises for his foot");

        Assert.Equal((CareLevel.None, null), (result.Level, result.Clarify?.Id));
    }
}
