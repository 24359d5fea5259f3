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
  'do your job', 'do your homework', 'are you kidding me', 'are you stupid', 'are you blind',
  'did you even read', 'did you even look', 'did you even bother', "you don't know what you're talking about",
  'unacceptable', 'this is a joke', 'waste of my time', 'stop wasting', 'get your act together',
  'figure it out yourself', 'your problem, not mine', 'that is your problem', "that's your problem",
  'solely your problem', 'what the hell', 'the hell with', 'to hell with', 'stinks', 'your vitriol',
  'such a joke', 'what a joke', 'rtfm', 'what do you want from me', 'nobody asked', 'no one asked',
];

/**
 * Milder: generalising, brushing off, or calling out the other's tone. Each alone makes a reply
 * tense rather than hostile.
 */
export const DISMISSIVE_PHRASES: readonly string[] = [
  'are you serious', 'you people', 'you have no idea', 'you clearly', 'you obviously', 'you always', 'you never',
  'your fault', 'waste of time', 'i give up', 'give me a break', 'not my problem', 'read the docs', 'yeah sure',
  'sure, whatever', 'not constructive', 'not very respectful', 'disrespectful', 'your tone', 'watch your tone',
  'code of conduct', 'spare me', 'works on my machine', 'read the logs', 'read the manual',
  'what else you want me to say', 'what more do you want', 'not sure what else to tell you', 'not interested in your',
  'are you even',
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
  'must be nice', 'some of us', 'thanks for nothing', 'thanks for your input',
  'another reminder', 'reminder again', 'second reminder', 'final reminder', 'kindly do the needful', 'going forward, please', 'moving forward, please', 
  'as discussed multiple times', 'as we discussed multiple times', 'still waiting', 'any update on this?',
  'i shouldn\'t have to', 'why is this so hard', 'how hard is it',
];

/** Sarcasm cues: praise words that usually mean the opposite in these positions. */
export const SARCASM: readonly string[] = [
  'yeah right', 'oh great', 'oh wonderful', 'oh fantastic', 'oh perfect', 'oh sure', 'sure, because',
  'good luck with that', 'how nice of you', 'nice of you to',
  'wow, just wow', 'just wow', 'bravo', 'slow clap', 'what a surprise', 'shocking', 'big surprise',
  'clearly you know best', 'must be nice', 'great, very helpful', 'wow, very helpful', 'really helpful, thanks a lot', 'super helpful, thanks',
  'thanks for nothing', "well that's just great", 'great, just great', 'just great', 'perfect, just perfect',
  'oh joy', 'colour me surprised', 'color me surprised', 'what a shocker', 'who could have guessed',
  'who would have thought', 'thanks for the heads up, i guess', 'love that for us', 'cool story',
  'glad to see you finally', 'how convenient', 'how very', 'oh how nice', 'real helpful', 'so helpful, thanks',
];

/*
 * How colleagues sour in writing without a rude word: reminders of what was already said, reproach
 * dressed as process, threats to take it higher, witnesses pulled in, bad faith imputed, accusing
 * questions, and people saying themselves that writing no longer works. Written from the patterns
 * that workplace-communication guides and the incivility literature describe (Ferreira et al., "The
 * 'Shut the f**k up' Phenomenon", ICSE 2021, incivility types; Andersson & Pearson, "Tit for Tat?
 * The Spiraling Effect of Incivility in the Workplace", 1999), not from any labelled thread.
 */

/** Threats to take the matter over someone's head. */
export const ESCALATION: readonly string[] = [
  'take it to your manager', 'take this to your manager', 'take it to my manager', 'take this up with your manager',
  'take this to management', 'take it to management', 'take this higher', 'take it higher', 'escalate this',
  "i'll escalate", 'i will escalate', 'i am escalating', "i'm escalating", 'escalating this', 'escalate to',
  'have no choice but to escalate', 'raise this with your manager', 'raise it with your manager',
  'raise this with management', 'bring this to your manager', 'speak to your manager', 'talk to your manager',
  'talk to your boss', 'speak to your boss', 'go over your head', 'involve hr', 'involve legal', 'loop in hr',
  'report this to', 'report you', 'file a complaint', 'formal complaint', 'lodge a complaint', 'take this to hr',
  "i'll be raising this", 'i will be raising this', 'you leave me no choice', 'leave me no choice',
  'consider this a final warning', 'final warning', 'last warning', "don't make me",
];

/** Pulling someone in as a witness or judge rather than for their help. */
export const RECORD: readonly string[] = [
  "so there's a record", 'so there is a record', 'for the record', 'so it is on record', "so it's on record",
  
  'cc your manager', "cc'ing your manager", 'ccing your manager', 'copying your manager',
  'copying in your manager', 'looping in your manager', 'adding your manager', 'cc my manager', "cc'ing my manager",
  'copying my manager', 'adding my manager', 'looping in my manager', 'let the record show', 'i want this documented',
  'put this in writing', 'putting this in writing', 'get this in writing',
  'noted for the record', 'just so we are clear', "just so we're clear", 'let it be noted',
];

/** The writers themselves saying the medium has stopped working. */
export const MEDIUM: readonly string[] = [
  'stop doing this in writing', 'stop doing this over email', 'stop doing this over chat', 'stop doing this on slack',
  'not going to do this over email', 'not going to argue over email', "i'm not going to argue", 'i am not going to argue',
  'not the place for this', 'not the place to discuss', "this isn't the place", 'discuss this in person', 'talk about this in person',
  'this is going nowhere', 'going in circles', 'go in circles',
  'round in circles', 'around in circles', 'we keep going back and forth', 'back and forth on this', 'this back and forth',
  'lost in translation over email', 'tone does not come across', "tone doesn't come across", 'came across wrong',
  'came across badly', 'that came out wrong', 'rather not do this in writing', 'rather talk than type',
  'can we just talk', 'let us stop here',
  "let's stop here", 'agree to disagree', "let's not do this here", 'not doing this here',
];

/** Imputing bad faith or a lack of care. */
export const BAD_FAITH: readonly string[] = [
  "you clearly don't care", 'you clearly do not care', "you don't care about", 'you do not care about',
  "you obviously don't care", "you don't even care", 'you never listen', "you don't listen", 'you do not listen',
  "you're not even trying", 'you are not even trying', "you aren't even trying", 'you just want to',
  "you're deliberately", 'you are deliberately', 'you deliberately', 'on purpose', 'you conveniently',
  'conveniently forgot', 'conveniently ignored', 'you keep ignoring', 'you ignored', 'stop ignoring',
  'you refuse to', 'you refused to', "you couldn't be bothered", 'you could not be bothered', "didn't even bother",
  'did not even bother', "you don't respect", 'you do not respect', 'no respect for', 'you think you can',
  'pretending', 'pretend to', 'i warned you', 'i warned about', 'i did warn', "wasn't interested", 'was not interested',
  'ignoring my', 'ignored my', 'nobody listened', 'no one listened', "you're just covering", 'covering yourself', 'cover yourself', 'throw me under the bus',
  'threw me under the bus', 'under the bus', 'blindsided', 'went behind my back', 'behind my back', 'behind our backs',
  'you made me look', 'you always do this', 'every single time', 'not my fault', 'not our fault', 'your mess', 'your mistake', 'you messed up', 'you dropped the ball',
  'dropped the ball', 'you failed to', 'failed to mention', 'you forgot to', 'nobody told me', 'no one told me',
  'i was never told', 'i was not told', "i wasn't told", 'why was i not told', "why wasn't i told",
  'this is on you', "that's on you", 'that is on you', 'my input doesn\'t matter', 'my input does not matter',
  "i'll just do it myself", 'i will just do it myself', "i'll do it myself", "i'm sure you had your reasons",
  'i am sure you had your reasons', "if that's what you want", 'whatever works for you', 'whatever you think is best',
  'you do you', 'this one is on you', 'sorry you feel that way', 'sorry if you feel',
  'sorry you feel', 'sorry if that offended', 'sorry if you were offended',
];

/** Accusing questions: asked to blame, not to learn. */
export const RHETORICAL: readonly string[] = [
  'why do you keep', 'why would you', "why didn't you", 'why did you not', "why can't you", 'why cannot you',
  "why haven't you", "why won't you", 'why are you still', 'why is this still', 'why is it so hard', 'why is this so hard',
  'how many times', 'how many more times', 'what part of', 'do you even', 'did you even', 'did you not read',
  "didn't you read", 'did you read', 'is that too much to ask', 'is it too much to ask', 'how hard can it be',
  'how hard is it to', 'how is that my problem', 'how is this my problem', 'who approved this', 'who signed off on this',
  'why am i the only one', 'is it really that hard', 'was that so hard', 'what were you thinking', 'seriously, why',
  'are we really', 'then why', 'since when', 'why did nobody', 'why did no one', "why didn't anyone", 'why did nobody check', 'who decided', 'what is the point', "what's the point",
];

/** Reproach dressed as process: reminders of what was said, lessons for "going forward". */
export const REPROACH: readonly string[] = [
  'as i mentioned', 'as i mentioned before', 'as i mentioned earlier', 'as i mentioned in my previous message',
  'as i mentioned in my last email', 'as mentioned before', 'as mentioned earlier', 'as mentioned previously',
  'going forward it would', "going forward i'd", 'going forward i would', 'going forward, i would', 'going forward, it would',
  'for the third time', 'this is the third time', 'this is the second time', 'extremely frustrating', 'very frustrating',
  'really disappointed', 'very disappointed', 'quite disappointed', 'deeply disappointed', 'this keeps happening',
  'keeps happening', 'again and again', 'not going to keep repeating myself', 'repeating myself', 'i keep repeating',
  'exhausting', 'tired of', 'sick of', 'fed up', 'take ownership', 'i need you to', 'this is not the first time',
  'not the first time', "i'd appreciate a response", 'i would appreciate a response', "i'd appreciate a reply",
  'awaiting your response', 'still awaiting', 'please explain why', 'can you explain why', 'what was unclear',
  'was unclear about', 'why is this so difficult', 'so difficult to', 'not sure you read', 'did you get a chance to read',
  'as you can see below', 'as you can see above', 'as i said',
  'as i noted', 'as i stated', 'like i said', 'like i said before', 'like i mentioned',
  'i told you', 'i did tell you', 'i already asked', "i've asked", 'i have asked', 'i asked you', 'i asked for this',
  "i've been asking", 'i have been asking', "i've asked twice", 'asked three times', 'asked twice', 
  'still waiting', "still haven't", 'still have not', 'still no response',
  'never heard back', 'have not heard back', "haven't heard back", 
  'in the future, please', 'in future, please', 'for future reference', 'next time, please', 'next time please',
  'it would help to hear', 'it would have helped', 'would have been helpful', 'would have been nice',
  'it would have been nice', 'i would have appreciated', "i'd have appreciated", 
  "i'd appreciate it if you", 'i would appreciate it if you', 'please refrain',
  'please stop', 'kindly stop', 
  'you agreed', 
  'you promised', 'you told me', 'to be clear', 'let me be clear', 'let me be very clear', 'to be perfectly clear',
  'respectfully', 'quite frankly', 
  "i'm confused why", 'i am confused why', 'i fail to see', 'i fail to understand',
  'that is not what i said', "that's not what i said",
  'not what i asked', 'that is not what i asked', 'read my message', 'read my email', 'read the thread',
  'scroll up', 'see above', 'see my previous', 'see my earlier', 'once more', 'one more time',
  'this is not ok', 'this is not okay', "this isn't ok", "this isn't okay", 'not acceptable', 'not good enough',
  'not professional', 'unprofessional', 
  'extremely frustrating', 'i am done', "i'm done", 'i give up', 'whatever you say', 'if you say so', 'fine, whatever',
  'suit yourself', 'do what you want', 'your funeral', 'no thanks to', 
];

/**
 * Whole replies that, after longer ones, say "I am not talking to you any more than I must": the
 * coldness is in the collapse and the full stop, so these count only against the author's own
 * earlier messages (see thread.ts).
 */
export const CURT_REPLIES: readonly string[] = [
  'understood', 'fine', 'ok', 'okay', 'k', 'noted', 'sure', 'whatever', 'got it', 'go ahead', 'if you say so',
  'as you wish', 'right', 'great', 'thanks', 'thank you', 'yes', 'no', 'done', 'sent', 'see above', 'again',
  'correct', 'wrong', 'noted, thanks', 'fine by me', 'your call', 'do what you want', 'duly noted', 'acknowledged',
];

/** Signals that hyperbole or swearing is friendly banter. */
export const FRIENDLY: readonly string[] = [
  'lol', 'lmao', 'lmfao', 'rofl', 'haha', 'hahaha', 'hehe', 'heh', 'xd', ':)', ':-)', ':d', ';)', ';-)',
  ':p', '<3', 'you legend', 'legend', 'you rock', 'you rule', 'you star', 'hero', 'my hero', 'lifesaver',
  'love it', 'love this', 'nice one', 'well done', 'great job', 'good job', 'kudos', 'cheers', 'congrats',
  'congratulations', 'awesome', 'amazing', 'thanks so much', 'thank you so much', 'thx', 'ty', 'np',
  'nice work', 'great work', 'good work', 'much appreciated', 'looks great', 'sounds good', 'sounds great',
  'perfect, thanks', 'thanks a lot', 'thanks a ton', 'many thanks', 'no worries', 'happy to help',
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

/**
 * Everyday English words: a run of capitals counts as a raised voice only when it is made of words
 * like these (or of words with a feeling in the sentiment lexicon), not of acronyms and product names
 * ("FERC", "EGAS", "GLTF").
 */
export const COMMON_WORDS: readonly string[] = (
  'a about above after again against all always am an and any are as at be because been before being below between both but by ' +
  'can cannot could did do does doing done dont don\'t down during each every ever few fix for from further get give go going ' +
  'had has have having he her here him his how i if in into is isn\'t it its just know last let like look make me more most must ' +
  'my need needs never no nor not now of off on once one only or other our out over own please read really right same say see she ' +
  'should so some still stop such than that the their them then there these they this those through to too twice under until up ' +
  'us very was we were what when where which while who whom why will with won\'t work works would wrong yes yet you your ' +
  'bug bugs broken break breaks test tests help listen answer reply told said asked again enough anything nothing everything ' +
  'everyone nobody anyone someone people time times day today tomorrow thing things issue problem way'
).split(' ');

/** One-word sentences that pass judgement: "Sad.", "Unacceptable.", "Pathetic." */
export const VERDICTS: readonly string[] = [
  'sad', 'unacceptable', 'pathetic', 'ridiculous', 'absurd', 'disgraceful', 'shameful', 'embarrassing', 'useless',
  'hopeless', 'unbelievable', 'typical', 'figures', 'seriously', 'whatever', 'shocking', 'disappointing', 'unreal',
];
