/**
 * Compile-time check of the pages' wire types (./protocol) against the server's records
 * (./wire.generated, written from the C# records by WireTypesTests). `tsc` fails when a page's type
 * names a field the record lacks, or a field's type the record does not send. Nothing here runs.
 */
import type * as P from "./protocol";
import type * as W from "./wire.generated";
import type * as O from "./opinions";

/** Every field of Page is on Server, and what the server sends fits what the page expects. */
type Fits<Page, Server extends Page> = [Exclude<keyof Page, keyof Server>] extends [never] ? Server : never;
type Holds<T extends object> = T;

export type WireChecks = [
  Holds<Fits<P.Counts, W.Counts>>,
  Holds<Fits<P.Screen, W.Screen>>,
  Holds<Fits<P.Question, W.QuestionView>>,
  Holds<Fits<P.Announcement, W.Announcement>>,
  Holds<Fits<P.ReactionBurst, W.ReactionBurst>>,
  Holds<Fits<P.Leaderboard, W.LeaderboardView>>,
  Holds<Fits<P.Video, W.VideoView>>,
  Holds<Fits<P.Hand, W.HandView>>,
  Holds<Fits<P.Speaker, W.SpeakerView>>,
  Holds<Fits<P.ModeratorLink, W.ModeratorLinkView>>,
  Holds<Fits<P.WordCount, W.WordCount>>,
  Holds<Fits<P.OptionTotals, W.OptionTotals>>,
  Holds<Fits<P.OptionMeans, W.OptionMeans>>,
  Holds<Fits<P.Answer, W.AnswerView>>,
  Holds<Fits<P.PollResults, W.PollResults>>,
  Holds<Fits<P.ProgrammeView, W.ProgrammeView>>,
  Holds<Fits<P.Poll, W.PollView>>,
  Holds<Fits<P.CafeListing, W.CafeListing>>,
  Holds<Fits<P.CafeListingDraft, W.CafeListingRequest>>,
  Holds<Fits<P.Snapshot, W.SessionSnapshot>>,
  Holds<Fits<P.JoinResult, W.JoinResult>>,
  Holds<Fits<P.Refusal, W.Refusal>>,
  Holds<Fits<P.BallotAccepted, W.BallotAccepted>>,
  Holds<Fits<O.NationalDot, W.NationalDotView>>,
  Holds<Fits<O.NationalOpinion, W.NationalOpinionView>>,
  Holds<Fits<O.OpinionGroup, W.OpinionGroupView>>,
  Holds<Fits<O.Consensus, W.ConsensusView>>,
];
