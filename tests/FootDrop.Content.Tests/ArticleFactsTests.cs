using FootDrop.Content.Loading;
using FootDrop.Content.Model;

namespace FootDrop.Content.Tests;

/// <summary>Every fact of the source article is in the content, exactly: causes, muscles, steps, holds, reps and sets.</summary>
public sealed class ArticleFactsTests
{
    private static readonly ContentCatalog Content = ContentLoader.LoadFromDirectory(RepoPaths.Dialogs, ContentLoadingTests.Requirements);

    private static string AllText => string.Join(" ", Content.Sections.SelectMany(s => s.Messages.Append(s.Title))
        .Concat(Content.Exercises.SelectMany(e => e.Setup.Concat(e.Repetition).Select(s => s.Text).Append(e.Purpose).Append(e.Targets)))).ToLowerInvariant();

    [Theory]
    [InlineData("peroneal nerve")]
    [InlineData("multiple sclerosis")]
    [InlineData("stroke")]
    [InlineData("muscular dystrophy")]
    [InlineData("spinal injury")]
    [InlineData("herniated")]
    [InlineData("dorsiflexion")]
    [InlineData("drop foot")]
    [InlineData("not an illness")]
    [InlineData("trip")]
    [InlineData("thigh")]
    [InlineData("stairs")]
    [InlineData("inflammation")]
    [InlineData("permanent")]
    [InlineData("physical therapist")]
    [InlineData("tibialis anterior")]
    [InlineData("toe extensors")]
    [InlineData("calf muscles")]
    [InlineData("ankle-foot orthosis")]
    [InlineData("severe")]
    [InlineData("numbness or tingling")]
    [InlineData("balance or walking")]
    [InlineData("pain spreading down your leg")]
    [InlineData("came on suddenly")]
    public void The_content_states(string fact) => Assert.Contains(fact, AllText);

    [Theory]
    [InlineData("calf-stretch", 20, 30, 3, null, 3, 2)]
    [InlineData("toe-lifts", 2, 3, 10, 3, 1, 2)]
    [InlineData("seated-dorsiflexion", 2, 3, 10, 3, 1, 2)]
    [InlineData("band-dorsiflexion", 2, 3, 10, 3, 2, 2)]
    public void Each_exercise_has_the_articles_hold_reps_sets_and_steps(string id, int holdMin, int holdMax, int reps, int? sets, int setupSteps, int repetitionSteps)
    {
        var exercise = Content.Exercise(id);

        Assert.Equal(new HoldTime(holdMin, holdMax), exercise.Hold);
        Assert.Equal(reps, exercise.Reps);
        Assert.Equal(sets, exercise.TargetSets);
        Assert.Equal(setupSteps, exercise.Setup.Count);
        Assert.Equal(repetitionSteps, exercise.Repetition.Count);
        Assert.Single(exercise.Repetition, s => s.Kind == StepKind.Hold);
    }

    [Theory]
    [InlineData("calf-stretch", "wall", "shoulder height", "two feet", "heel", "knee", "lean forward")]
    [InlineData("toe-lifts", "sit up straight", "ball of your", "raise your toes")]
    [InlineData("seated-dorsiflexion", "feet flat", "heel on the floor", "front of your", "lower your foot slowly")]
    [InlineData("band-dorsiflexion", "table leg", "legs stretched out", "hook the band across the top", "toward you", "leg still", "go back slowly")]
    public void Each_exercise_walks_the_articles_steps(string id, params string[] details)
    {
        var exercise = Content.Exercise(id);
        var steps = string.Join(" ", exercise.Setup.Concat(exercise.Repetition).Select(s => s.Text)).ToLowerInvariant();

        Assert.All(details, d => Assert.Contains(d, steps));
    }

    [Theory]
    [InlineData("calf-stretch", "calf")]
    [InlineData("toe-lifts", "toe extensors")]
    [InlineData("seated-dorsiflexion", "tibialis anterior")]
    [InlineData("band-dorsiflexion", "tibialis anterior")]
    public void Each_exercise_names_the_muscle_it_targets(string id, string muscle)
        => Assert.Contains(muscle, Content.Exercise(id).Targets);

    [Fact]
    public void A_whole_session_is_the_four_exercises_in_the_articles_order()
        => Assert.Equal(["calf-stretch", "toe-lifts", "seated-dorsiflexion", "band-dorsiflexion"], Content.Session);
}
