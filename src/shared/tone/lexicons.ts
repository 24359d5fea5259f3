/**
 * Hand-curated word and phrase lists for workplace tone. Phrases are matched on lower-cased text with
 * collapsed whitespace and straight apostrophes, at word boundaries.
 *
 * Politeness strategies follow Danescu-Niculescu-Mizil et al., "A computational approach to
 * politeness with application to social factors" (ACL 2013), table 3.
 */

/** Words that call a person names or belittle their work. */
export const INSULTS: readonly string[] = [
  'idiot', 'idiots', 'idiotic', 'moron', 'morons', 'moronic', 'stupid', 'stupidity', 'dumb', 'dumbass',
  'imbecile', 'retard', 'retarded', 'incompetent', 'incompetence', 'clueless', 'pathetic', 'ignorant',
  'ignoramus', 'loser', 'losers', 'jerk', 'dick', 'prick', 'asshole', 'arsehole', 'bastard', 'douche',
  'douchebag', 'scum', 'coward', 'cowardly', 'hypocrite', 'hypocritical', 'childish', 'asinine',
  'delusional', 'arrogant', 'liar', 'liars', 'troll', 'trolling', 'racist', 'bigot', 'bigoted', 'nazi',
  'fascist', 'lunatic', 'fool', 'fools', 'foolish', 'clown', 'buffoon', 'halfwit', 'nitwit', 'twit',
  'useless', 'worthless', 'lazy', 'inept', 'braindead', 'brainless', 'garbage', 'rubbish', 'nonsense',
  'ridiculous', 'absurd', 'laughable', 'hopeless', 'disgrace', 'disgraceful', 'shameful', 'vandal',
  'vandalism', 'sockpuppet', 'bully', 'bullying', 'obnoxious', 'pompous', 'condescending', 'idiocy',
];

/** Swearing; hostile when aimed at someone, often harmless banter otherwise. */
export const PROFANITY: readonly string[] = [
  'fuck', 'fucking', 'fucked', 'fucker', 'fck', 'fuk', 'shit', 'shitty', 'bullshit', 'crap', 'crappy',
  'damn', 'damned', 'goddamn', 'wtf', 'stfu', 'ffs', 'piss', 'pissed', 'ass', 'arse', 'sucks',
  'screw', 'bitch', 'bitching',
];

/** Phrases that tell someone off or shut them down. */
export const HOSTILE_PHRASES: readonly string[] = [
  'shut up', 'get lost', 'grow up', 'get a life', 'get over it', 'screw you', 'piss off', 'f off',
  'go away', 'learn to read', "can't you read", 'can you not read', "what's wrong with you",
  'what is wrong with you', 'who do you think you are', 'how dare you', 'nobody cares', 'no one cares',
  'do your job', 'do your homework', 'are you kidding me', 'are you serious', 'you people',
  'are you stupid', 'are you blind', 'did you even read', 'did you even look', 'did you even bother',
  'you have no idea', "you don't know what you're talking about", 'you clearly', 'you obviously',
  'you always', 'you never', 'your fault', 'unacceptable', 'this is a joke',
  'waste of time', 'waste of my time', 'stop wasting', 'i give up', 'give me a break', 'seriously?',
  'get your act together', 'not my problem', 'figure it out yourself', 'read the docs',
];

/**
 * Politeness on the surface, reproach underneath. Lists compiled from the usual "passive-aggressive
 * email phrases" surveys (e.g. Adobe's 2019 workplace email survey, where "per my last email" topped the
 * list) and our own review of workplace threads.
 */
export const PASSIVE_AGGRESSIVE: readonly string[] = [
  'per my last email', 'per my last message', 'per my previous email', 'per my previous message',
  'as per my last email', 'as per my previous email', 'as previously stated', 'as previously mentioned',
  'as previously discussed', 'as i previously stated', 'as i previously mentioned', 'as i said before',
  'as i said earlier', 'as i already said', 'as i have already said', "as i've already said",
  'as i already mentioned', "as i've already mentioned", 'as i already explained', 'as i explained',
  'as stated above', 'as stated below', 'as mentioned above', 'as already mentioned', 'as already stated',
  'as already explained', 'just circling back again', 'circling back again', 'following up again',
  'just following up again', 'bumping this again', 'thanks for finally', 'thank you for finally',
  'glad you finally', 'nice of you to finally', 'not sure if you saw', 'not sure if you missed',
  'in case you missed it', 'in case you missed', 'not sure how else to say', 'let me repeat',
  'to reiterate', 'once again', 'for the third time', 'for the second time', 'yet again',
  'i already told you', 'i have already told you', "i've already told you", 'i already answered',
  'if you had read', 'if you read my', 'if you had bothered', 'with all due respect', 'no offense but',
  'no offence but', "i'm sure you're busy", 'as you should know', 'as you should be aware',
  'it is not that hard', "it's not that hard", "it's not rocket science", 'not rocket science',
  'must be nice', 'some of us', 'thanks for nothing', 'thanks for your input', 'noted.',
  'kindly do the needful', 'going forward, please', 'moving forward, please', 'please advise',
  'as discussed multiple times', 'as we discussed multiple times', 'still waiting', 'any update on this?',
  'i shouldn\'t have to', 'why is this so hard', 'how hard is it',
];

/** Sarcasm cues: praise words that usually mean the opposite in these positions. */
export const SARCASM: readonly string[] = [
  'yeah right', 'oh great', 'oh wonderful', 'oh fantastic', 'oh perfect', 'oh sure', 'sure, because',
  'thanks a lot', 'thanks a bunch', 'good luck with that', 'how nice of you', 'nice of you to',
  'wow, just wow', 'just wow', 'bravo', 'slow clap', 'what a surprise', 'shocking', 'big surprise',
  'clearly you know best', 'must be nice', '/s',
];

/** Signals that hyperbole or swearing is friendly banter. */
export const FRIENDLY: readonly string[] = [
  'lol', 'lmao', 'lmfao', 'rofl', 'haha', 'hahaha', 'hehe', 'heh', 'xd', ':)', ':-)', ':d', ';)', ';-)',
  ':p', '<3', 'you legend', 'legend', 'you rock', 'you rule', 'you star', 'hero', 'my hero', 'lifesaver',
  'love it', 'love this', 'nice one', 'well done', 'great job', 'good job', 'kudos', 'cheers', 'congrats',
  'congratulations', 'awesome', 'amazing', 'thanks so much', 'thank you so much', 'thx', 'ty', 'np',
];

export const FRIENDLY_EMOJI = /[\u{1F600}-\u{1F64F}\u{1F44D}\u{1F44F}\u{1F64C}\u{1F389}\u{1F38A}\u{2764}\u{1F495}\u{1F499}\u{1F49A}\u{1F49B}\u{1F49C}\u{1F525}\u{1F918}\u{1F923}\u{1F60A}\u{1F917}\u{1F973}]/u;
export const ANGRY_EMOJI = /[\u{1F620}\u{1F621}\u{1F624}\u{1F92C}\u{1F644}\u{1F612}\u{1F595}]/u;

// Politeness strategies.
export const GRATITUDE = ['thank', 'thanks', 'thank you', 'i appreciate', 'appreciate it', 'appreciated', 'grateful', 'thx', 'ty'];
export const APOLOGY = ['sorry', 'apologies', 'apologize', 'apologise', 'i apologize', 'my apologies', 'my bad', 'oops', 'woops', 'excuse me', 'forgive me', 'my mistake', 'pardon'];
export const GREETINGS = ['hi', 'hello', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening', 'greetings', 'howdy', 'hiya'];
/** Hedges soften a claim; list after Hyland (2005) as used by Danescu-Niculescu-Mizil et al. */
export const HEDGES = [
  'think', 'thought', 'believe', 'suggest', 'suggestion', 'perhaps', 'maybe', 'possibly', 'possible',
  'probably', 'likely', 'might', 'may', 'could', 'seem', 'seems', 'seemed', 'appear', 'appears',
  'apparently', 'somewhat', 'sort of', 'kind of', 'i guess', 'i suppose', 'i feel', 'i wonder',
  'wondering', 'not sure', 'unclear', 'in my opinion', 'imo', 'imho', 'i would', "i'd", 'tend to',
  'generally', 'usually', 'assume', 'presumably', 'a bit', 'a little', 'fairly', 'rather', 'unless',
];
export const DEFERENCE = ['great', 'good', 'nice', 'interesting', 'cool', 'excellent', 'awesome', 'wonderful', 'fair point', 'good point', 'great point', 'you are right', "you're right", 'agreed', 'i agree'];
export const FACTUALITY = ['really', 'actually', 'honestly', 'surely', 'clearly', 'obviously', 'in fact', 'the point is', 'the reality is', 'the truth is', 'of course', 'definitely', 'certainly'];
export const COUNTERFACTUAL = ['could you', 'would you', 'would it be', 'could we', 'would you mind', 'would it be possible', 'if you could', 'if you would', 'if possible', 'would be great', 'would be nice', 'would appreciate', "i'd appreciate", 'do you mind', 'mind if'];
export const INDICATIVE = ['can you', 'will you', 'can u', 'will u', 'can we', 'can i'];
export const DIRECT_QUESTION_START = ['what', 'why', 'who', 'how', 'where', 'when', 'which'];
export const DIRECT_START = ['so', 'then', 'and', 'but', 'or', 'ok', 'okay', 'well', 'look', 'listen'];
export const FIRST_PERSON = ['i', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll", 'me'];
export const FIRST_PLURAL = ['we', 'our', 'ours', 'us', 'ourselves', "we're", "we've", "we'll", "let's"];
export const SECOND_PERSON = ['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'll", "you'd", 'u', 'ur'];
export const REASONS = ['because', 'since', 'so that', 'the reason', 'due to', 'given that', 'as a result', 'which means', 'otherwise'];

/** Open disagreement and accusation: not hostile alone, but the raw material of a thread going sour. */
export const DISAGREEMENT = [
  'disagree', "don't agree", 'do not agree', 'wrong', 'incorrect', 'not true', 'untrue', 'false',
  'misleading', 'inaccurate', 'mistaken', 'not correct', "that's not", 'that is not', 'nonsense',
  'revert', 'reverted', 'reverting', 'undo', 'undid', 'removed', 'deleted', 'biased', 'bias', 'accuse',
  'accused', 'accusing', 'accusation', 'bad faith', 'personal attack', 'you claim', 'you claimed',
  'your claim', 'no evidence', 'no proof', 'prove it', 'irrelevant', 'not relevant', 'not the point',
  'missing the point', 'miss the point', 'makes no sense', 'doesn\'t make sense', 'stop', 'again',
  'still', 'refuse', 'ignore', 'ignored', 'ignoring', 'blame', 'complain', 'complaint', 'fault',
];
export const NEGATION_WORDS = ['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", 'cannot', "shouldn't", "wouldn't", 'nothing', 'nobody'];
