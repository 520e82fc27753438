using System.Reflection;

namespace FootDrop.Bot.Conversation;

/// <summary>Every text key the bot says; dialogs/messages.json must hold exactly these (the reminders' are in Reminders/).</summary>
public static partial class TextKeys
{
    public const string WelcomeGreeting = "welcome.greeting";
    public const string WelcomeDisclaimer = "welcome.disclaimer";
    public const string MenuPrompt = "menu.prompt";
    public const string MenuRetry = "menu.retry";
    public const string MenuAgain = "menu.again";
    public const string Help = "help";
    public const string Fallback = "fallback";
    public const string GreetingReply = "greeting.reply";
    public const string SignQuestionIntro = "signQuestion.intro";
    public const string CancelDone = "cancel.done";
    public const string StartOverDone = "startOver.done";
    public const string ErrorTurn = "error.turn";
    public const string UpgradeRestarted = "upgrade.restarted";
    public const string TooManyAttempts = "prompt.tooManyAttempts";
    public const string MessageTooLong = "message.tooLong";
    public const string MessageEmpty = "message.empty";
    public const string ChoiceYes = "choice.yes";
    public const string ChoiceNo = "choice.no";
    public const string ChoiceUnsure = "choice.unsure";
    public const string YesNoRetry = "yesNo.retry";
    public const string LearnPick = "learn.pick";
    public const string LearnMore = "learn.more";
    public const string ButtonMenu = "button.menu";
    public const string ExercisePick = "exercise.pick";
    public const string ExerciseSession = "exercise.session";
    public const string ExerciseIntro = "exercise.intro";
    public const string ExerciseDosageSets = "exercise.dosage.sets";
    public const string ExerciseDosageSession = "exercise.dosage.session";
    public const string ExerciseSetupStep = "exercise.setupStep";
    public const string ExerciseRepStep = "exercise.repStep";
    public const string ExerciseRepStepWithSet = "exercise.repStepWithSet";
    public const string ExerciseHoldHint = "exercise.holdHint";
    public const string ExerciseHoldStarted = "exercise.holdStarted";
    public const string ExerciseHoldDone = "exercise.holdDone";
    public const string ExerciseRepDone = "exercise.repDone";
    public const string ExerciseSetDone = "exercise.setDone";
    public const string ExerciseDone = "exercise.done";
    public const string ExerciseStopped = "exercise.stopped";
    public const string ExerciseNoHold = "exercise.noHold";
    public const string ButtonNext = "button.next";
    public const string ButtonBack = "button.back";
    public const string ButtonRepeat = "button.repeat";
    public const string ButtonStop = "button.stop";
    public const string ButtonStartHold = "button.startHold";
    public const string ButtonAllReps = "button.allReps";
    public const string ButtonNextSet = "button.nextSet";
    public const string ButtonFinish = "button.finish";
    public const string SidePrompt = "side.prompt";
    public const string SideRetry = "side.retry";
    public const string SideLeft = "side.left";
    public const string SideRight = "side.right";
    public const string SideBoth = "side.both";
    public const string SideLeftLeg = "side.left.leg";
    public const string SideRightLeg = "side.right.leg";
    public const string SideBothLeg = "side.both.leg";
    public const string SideLeftFoot = "side.left.foot";
    public const string SideRightFoot = "side.right.foot";
    public const string SideBothFoot = "side.both.foot";
    public const string SideBothNote = "side.both.note";
    public const string SideSaved = "side.saved";
    public const string SafetyFirstTime = "safety.firstTime";
    public const string SafetyQuickCheck = "safety.quickCheck";
    public const string SafetyClinicianSeen = "safety.clinicianSeen";
    public const string SafetyWaitForClinician = "safety.waitForClinician";
    public const string PainPrompt = "pain.prompt";
    public const string PainRetry = "pain.retry";
    public const string PainTooHigh = "pain.tooHigh";
    public const string PainNoAnswer = "pain.noAnswer";
    public const string SessionNext = "session.next";
    public const string SessionDone = "session.done";
    public const string ProgressNone = "progress.none";
    public const string ProgressSummary = "progress.summary";
    public const string ProgressEntry = "progress.entry";
    public const string DeleteDataConfirm = "deleteData.confirmPrompt";
    public const string DeleteDataDone = "deleteData.done";
    public const string DeleteDataCancelled = "deleteData.cancelled";

    public static IReadOnlySet<string> All { get; } = typeof(TextKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Placeholders the bot fills somewhere; a text using any other is rejected at start-up.</summary>
    public static IReadOnlySet<string> Placeholders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "emergencyNumber", "title", "purpose", "targets", "n", "count", "text", "rep", "reps", "set", "sets",
        "seconds", "min", "max", "pain", "streak", "sessions", "date", "exercises",
    };
}
