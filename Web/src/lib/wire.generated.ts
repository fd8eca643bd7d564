// Generated from the C# wire records by WireTypesTests (tests/CafeIA.Integration.Tests/WireTypes).
// Do not edit: run that test with CAFE_WRITE_WIRE=1 to write it again.

export interface ActivityChanged {
  activityId?: string;
  timer?: ActivityTimer;
}

export interface ActivityTimer {
  activityId: string;
  durationMinutes: number;
  endsAt: string;
  startedAt: string;
}

export interface ActivityView {
  durationMinutes: number;
  id: string;
  kind: AgendaActivityKind;
  notes?: string;
  openOnStart: boolean;
  opinionId?: string;
  pollId?: string;
  showTimer: boolean;
  title: string;
}

export type AgendaActivityKind = "poll" | "opinion" | "questions" | "speaking" | "break" | "text";

export interface AgendaChanged {
  activities: ActivityView[];
}

export interface Announced {
  announcement: Announcement;
}

export interface Announcement {
  at: string;
  id: string;
  text: string;
}

export interface AnnouncementDismissed {
  id: string;
}

export type AnswerStatus = "pending" | "visible" | "hidden";

export interface AnswerView {
  flagged?: boolean;
  id: string;
  mode: ParticipantMode;
  status: AnswerStatus;
  text: string;
}

export interface BallotAccepted {
  choices?: number[];
  order?: number[];
  points?: number[];
  pollId: string;
  rating?: number;
  text?: string;
  words?: string[];
}

export type CafeFormat = "onsite" | "remote" | "hybrid";

export interface CafeListed {
  listing?: CafeListingRequest;
}

export interface CafeListing {
  capacity?: number;
  durationMinutes?: number;
  endsAt: string;
  format: CafeFormat;
  full: boolean;
  joinCode: string;
  latitude?: number;
  longitude?: number;
  organiser?: string;
  place: string;
  registered: number;
  sessionId: string;
  startsAt: string;
  status: CafeStatus;
  summary?: string;
  title: string;
}

export interface CafeListingRequest {
  capacity?: number;
  durationMinutes?: number;
  format: CafeFormat;
  latitude?: number;
  longitude?: number;
  opId?: string;
  organiser?: string;
  place?: string;
  startsAt?: string;
}

export type CafeStatus = "upcoming" | "live" | "past";

export interface CallRefused {
  refused: Refusal;
}

export interface ChangeBatch {
  events: SessionEvent[];
  from?: number;
  programme?: ProgrammeView;
  seq: number;
}

export interface ConclusionChanged {
  text?: string;
}

export interface ConsensusView {
  score: number;
  statementId: string;
}

export interface Counts {
  onsite: number;
  remote: number;
}

export interface CountsChanged {
  counts: Counts;
}

export interface DetailsChanged {
  details: SessionDetails;
}

export interface EasyReadChanged {
  on: boolean;
}

export interface FormatOrigin {
  formatId: string;
  version: number;
}

export interface HandView {
  mode: ParticipantMode;
  name?: string;
  participantId: string;
  raisedAt: string;
}

export interface HandsChanged {
  hands: HandView[];
}

export interface JoinResult {
  participantId: string;
  resumeToken: string;
  role: Role;
  snapshot: SessionSnapshot;
  staffKeys?: StaffKeys;
}

export interface KioskLinkView {
  createdAt: string;
  id: string;
  key?: string;
  label?: string;
}

export interface KioskLinksChanged {
  links: KioskLinkView[];
}

export interface LeaderEntry {
  mode: ParticipantMode;
  name: string;
  points: number;
  rank: number;
}

export interface LeaderboardChanged {
  leaderboard?: LeaderboardView;
}

export interface LeaderboardView {
  players: number;
  teams: TeamScores;
  top: LeaderEntry[];
}

export interface MapDot {
  group: number;
  mode: ParticipantMode;
  x: number;
  y: number;
}

export interface MapPosition {
  group: number;
  x: number;
  y: number;
}

export interface Me {
  displayName?: string;
  handRaised: boolean;
  mode: ParticipantMode;
  muted: boolean;
  participantId: string;
  quiz?: MyQuizScore;
  role: Role;
  speaking: boolean;
}

export interface MeChanged {
  me: Me;
}

export interface ModerationChanged {
  preModeration: boolean;
}

export interface ModeratorLinkView {
  createdAt: string;
  id: string;
  key?: string;
  label?: string;
}

export interface ModeratorLinksChanged {
  links: ModeratorLinkView[];
}

export interface MyOrganisations {
  organisations: OrganisationSummary[];
}

export interface MyQuizScore {
  correct?: boolean;
  name?: string;
  players: number;
  points: number;
  pollId?: string;
  rank: number;
  score?: number;
}

export interface NationalDotView {
  group: number;
  onsite: number;
  remote: number;
  weight: number;
  x: number;
  y: number;
}

export interface NationalOpinionView {
  cafes: number;
  consensus: ConsensusView[];
  groups: OpinionGroupView[];
  here?: NationalDotView[];
  map?: NationalDotView[];
  people: number;
  programmeOpinionId: string;
}

export interface NationalStatement {
  nationalId: string;
  originSession?: string;
  originStatementId?: string;
  text: string;
}

export interface OpinionChanged {
  opinion: OpinionView;
}

export interface OpinionGroupView {
  id: number;
  onsite: number;
  remote: number;
  representative: RepresentativeView[];
  size: number;
}

export interface OpinionMapChanged {
  consensus: ConsensusView[];
  groups: OpinionGroupView[];
  map?: MapDot[];
  opinionId: string;
  voters: number;
}

export interface OpinionMeChanged {
  me?: MapPosition;
  nationalGroup?: number;
  next?: string;
  opinionId: string;
}

export interface OpinionNationalChanged {
  national: NationalOpinionView;
  opinionId: string;
}

export type OpinionState = "draft" | "open" | "closed";

export interface OpinionView {
  consensus: ConsensusView[];
  groups: OpinionGroupView[];
  id: string;
  map?: MapDot[];
  me?: MapPosition;
  national?: NationalOpinionView;
  nationalGroup?: number;
  nationalOpinionId?: string;
  next?: string;
  state: OpinionState;
  statements: StatementView[];
  topic: string;
  voters: number;
}

export interface OptionMeans {
  all: number[];
  onsite: number[];
  remote: number[];
}

export interface OptionTotals {
  all: number[];
  onsite: number[];
  remote: number[];
}

export interface OrganisationCafe {
  createdAt: string;
  createdBy: string;
  heldBy: string;
  joinCode: string;
  sessionId: string;
  title: string;
}

export interface OrganisationInvitation {
  expiresAt: string;
  invitationKey: string;
}

export interface OrganisationMember {
  joinedAt: string;
  name: string;
  role: OrganisationRole;
  subject: string;
}

export type OrganisationRole = "owner" | "facilitator";

export interface OrganisationSummary {
  cafes: number;
  members: number;
  name: string;
  organisationId: string;
  role: OrganisationRole;
}

export interface OrganisationView {
  cafes: OrganisationCafe[];
  members: OrganisationMember[];
  name: string;
  organisationId: string;
  role: OrganisationRole;
}

export type ParticipantMode = "onsite" | "remote";

export interface ParticipantMuted {
  muted: boolean;
  participantId: string;
}

export type PollKind = "single" | "multiple" | "wordCloud" | "rating" | "openText" | "ranking" | "points" | "quiz";

export interface PollRemoved {
  pollId: string;
}

export interface PollResults {
  answers?: AnswerView[];
  averageRank?: OptionMeans;
  correct?: number[];
  counts: number[];
  mean?: RatingMeans;
  noDevice?: number[];
  onsite: number[];
  remote: number[];
  scores?: OptionTotals;
  totals?: OptionTotals;
  voters: number;
  votersNoDevice: number;
  votersOnsite: number;
  votersRemote: number;
  words?: WordCount[];
}

export interface PollResultsChanged {
  pollId: string;
  results: PollResults;
}

export type PollState = "draft" | "open" | "closed";

export interface PollUpdated {
  poll: PollView;
}

export interface PollView {
  budget?: number;
  closesAt?: string;
  correct?: number[];
  handCount?: number[];
  hideResults: boolean;
  id: string;
  kind: PollKind;
  maxChoices?: number;
  maxLabel?: string;
  maxPoints?: number;
  minLabel?: string;
  myChoices?: number[];
  myCorrect?: boolean;
  myOrder?: number[];
  myPoints?: number[];
  myRating?: number;
  myScore?: number;
  myText?: string;
  myWords?: string[];
  openedAt?: string;
  options: string[];
  programmePollId?: string;
  question: string;
  results?: PollResults;
  resultsOnScreen: boolean;
  revealed: boolean;
  scaleMax?: number;
  seconds?: number;
  state: PollState;
}

export interface ProfanityFilterChanged {
  mode: ProfanityMode;
}

export type ProfanityMode = "off" | "review" | "mask";

export interface ProgrammeJoined {
  programmeId: string;
}

export interface ProgrammeOpinionView {
  offered: number;
  poolStatements: boolean;
  programmeOpinionId: string;
  statements: NationalStatement[];
  topic: string;
}

export interface ProgrammePollView {
  kind: PollKind;
  national: Tally;
  options: string[];
  programmePollId: string;
  question: string;
}

export interface ProgrammeView {
  opinions?: ProgrammeOpinionView[];
  polls: ProgrammePollView[];
  programmeId: string;
  sessions: number;
  title: string;
}

export interface QuestionAsked {
  question: QuestionView;
}

export interface QuestionRemoved {
  mergedInto?: string;
  questionId: string;
  reason: QuestionStatus;
}

export interface QuestionReplied {
  questionId: string;
  reply: string;
}

export type QuestionStatus = "visible" | "withdrawn" | "pending" | "pinned" | "answered" | "hidden" | "rejected" | "merged";

export interface QuestionUpdated {
  question: QuestionView;
}

export interface QuestionView {
  askedAt: string;
  authorId?: string;
  authorName?: string;
  edited: boolean;
  flagged?: boolean;
  id: string;
  mine?: boolean;
  mode: ParticipantMode;
  onBehalf?: boolean;
  rejectReason?: string;
  repliedAt?: string;
  reply?: string;
  similarTo?: string[];
  status: QuestionStatus;
  text: string;
  upvoted?: boolean;
  votes: number;
}

export interface QuestionVotesChanged {
  questionId: string;
  votes: number;
}

export interface QuestionsPausedChanged {
  paused: boolean;
}

export interface RatingMeans {
  all?: number;
  noDevice?: number;
  onsite?: number;
  remote?: number;
}

export interface ReactionBurst {
  counts: Record<string, number>;
  onsite: number;
  remote: number;
}

export interface Reactions {
  enabled: boolean;
  kinds: string[];
}

export interface ReactionsChanged {
  reactions: Reactions;
}

export interface RecoveredKeys {
  facilitatorKey: string;
  joinCode: string;
  sessionId: string;
}

export interface Refusal {
  code: string;
  field?: string;
  message: string;
}

export interface ReportPublished {
  public: boolean;
}

export interface RepresentativeView {
  agreeRate: number;
  agrees: boolean;
  statementId: string;
}

export type Role = "participant" | "moderator" | "facilitator" | "projector" | "kiosk";

export interface RoleRevoked {
  message: string;
}

export interface Screen {
  national?: boolean;
  opinionId?: string;
  pollId?: string;
  view: ScreenView;
}

export interface ScreenChanged {
  national?: boolean;
  opinionId?: string;
  pollId?: string;
  view: ScreenView;
}

export type ScreenView = "join" | "activity" | "questions" | "pinned" | "blank" | "leaderboard" | "podium" | "opinion" | "agenda";

export interface SessionCreated {
  facilitatorKey: string;
  joinCode: string;
  moderatorKey: string;
  projectorKey: string;
  sessionId: string;
}

export interface SessionDeleted {
}

export interface SessionDetails {
  audience?: string;
  description?: string;
  licence: string;
}

export type SessionEvent =
  | ({ type: "questionAsked" } & QuestionAsked)
  | ({ type: "questionVotes" } & QuestionVotesChanged)
  | ({ type: "questionUpdated" } & QuestionUpdated)
  | ({ type: "questionRemoved" } & QuestionRemoved)
  | ({ type: "moderation" } & ModerationChanged)
  | ({ type: "video" } & VideoChanged)
  | ({ type: "cafeListed" } & CafeListed)
  | ({ type: "reportPublished" } & ReportPublished)
  | ({ type: "conclusion" } & ConclusionChanged)
  | ({ type: "programmeJoined" } & ProgrammeJoined)
  | ({ type: "hands" } & HandsChanged)
  | ({ type: "speaker" } & SpeakerChanged)
  | ({ type: "me" } & MeChanged)
  | ({ type: "moderatorLinks" } & ModeratorLinksChanged)
  | ({ type: "kioskLinks" } & KioskLinksChanged)
  | ({ type: "roleRevoked" } & RoleRevoked)
  | ({ type: "participantMuted" } & ParticipantMuted)
  | ({ type: "sessionDeleted" } & SessionDeleted)
  | ({ type: "pollUpdated" } & PollUpdated)
  | ({ type: "pollRemoved" } & PollRemoved)
  | ({ type: "pollResults" } & PollResultsChanged)
  | ({ type: "counts" } & CountsChanged)
  | ({ type: "sessionState" } & SessionStateChanged)
  | ({ type: "screenChanged" } & ScreenChanged)
  | ({ type: "questionReplied" } & QuestionReplied)
  | ({ type: "announced" } & Announced)
  | ({ type: "announcementDismissed" } & AnnouncementDismissed)
  | ({ type: "questionsPaused" } & QuestionsPausedChanged)
  | ({ type: "profanityFilter" } & ProfanityFilterChanged)
  | ({ type: "easyRead" } & EasyReadChanged)
  | ({ type: "leaderboardChanged" } & LeaderboardChanged)
  | ({ type: "reactionsChanged" } & ReactionsChanged)
  | ({ type: "opinionChanged" } & OpinionChanged)
  | ({ type: "statementCounts" } & StatementCountsChanged)
  | ({ type: "opinionMap" } & OpinionMapChanged)
  | ({ type: "opinionMe" } & OpinionMeChanged)
  | ({ type: "statementUpdated" } & StatementUpdated)
  | ({ type: "opinionNational" } & OpinionNationalChanged)
  | ({ type: "agendaChanged" } & AgendaChanged)
  | ({ type: "activityChanged" } & ActivityChanged)
  | ({ type: "detailsChanged" } & DetailsChanged);

export type SessionLanguage = "fr" | "en";

export type SessionPhase = "draft" | "live" | "ended";

export interface SessionSnapshot {
  agenda?: ActivityView[];
  announcement?: Announcement;
  conclusion?: string;
  counts: Counts;
  currentActivity?: string;
  details?: SessionDetails;
  easyRead: boolean;
  formatOrigin?: FormatOrigin;
  hands?: HandView[];
  joinCode: string;
  kioskLinks?: KioskLinkView[];
  language: SessionLanguage;
  leaderboard?: LeaderboardView;
  listing?: CafeListingRequest;
  me?: Me;
  moderatorLinks?: ModeratorLinkView[];
  mutedParticipants?: string[];
  opinions?: OpinionView[];
  polls: PollView[];
  preModeration: boolean;
  profanityFilter: ProfanityMode;
  programmeId?: string;
  questions: QuestionView[];
  questionsPaused: boolean;
  reactions?: Reactions;
  reportPublic?: boolean;
  screen?: Screen;
  seq: number;
  sessionId: string;
  speaker?: SpeakerView;
  startedAt?: string;
  state: SessionPhase;
  timer?: ActivityTimer;
  title: string;
  video?: VideoView;
}

export interface SessionStateChanged {
  state: SessionPhase;
}

export interface SpeakerChanged {
  speaker?: SpeakerView;
}

export interface SpeakerView {
  mode: ParticipantMode;
  name?: string;
}

export interface StaffKeys {
  kioskLinks?: KioskLinkView[];
  moderatorLinks: ModeratorLinkView[];
  projectorKey: string;
}

export interface StatementCount {
  agree: number;
  disagree: number;
  id: string;
  onsite: VoteSplit;
  pass: number;
  remote: VoteSplit;
}

export interface StatementCountsChanged {
  opinionId: string;
  statements: StatementCount[];
}

export type StatementStatus = "pending" | "approved" | "hidden";

export interface StatementUpdated {
  opinionId: string;
  statement: StatementView;
}

export interface StatementView {
  agree: number;
  disagree: number;
  flagged?: boolean;
  id: string;
  mine?: boolean;
  myVote?: StatementVote;
  onsite: VoteSplit;
  pass: number;
  remote: VoteSplit;
  status: StatementStatus;
  text: string;
}

export type StatementVote = "agree" | "disagree" | "pass";

export interface Tally {
  averageRank?: OptionMeans;
  counts: number[];
  noDevice?: number[];
  onsite: number[];
  remote: number[];
  scores?: OptionTotals;
  sessions: number;
  totals?: OptionTotals;
  voters: number;
  votersNoDevice: number;
  votersOnsite: number;
  votersRemote: number;
}

export interface TeamScores {
  onsite?: number;
  onsitePlayers: number;
  remote?: number;
  remotePlayers: number;
}

export interface VideoChanged {
  video?: VideoView;
}

export interface VideoView {
  embedUrl?: string;
  url: string;
}

export interface VoteSplit {
  agree: number;
  disagree: number;
  pass: number;
}

export interface WordCount {
  count: number;
  flagged?: boolean;
  onsite: number;
  remote: number;
  word: string;
}
