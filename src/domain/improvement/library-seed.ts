/**
 * The change-idea library's first entries: every change described in the programme's "Tried and
 * tested" booklet of local tests of change (shared/seeds/002), retold in our own words, without the
 * names of people, children or places. The booklet repeats one change ("Permanence Planning Meeting
 * for kinship care") under a second title; it is one entry here, with the other title kept in
 * `alsoKnownAs`. The aim is the national aim the booklet files the change under.
 */
import type { Agency } from './codes.js';

export interface LibrarySeedIdea {
  /** Stable: the store loads each key once. */
  readonly key: string;
  readonly title: string;
  readonly alsoKnownAs?: readonly string[];
  readonly agencies: readonly Agency[];
  readonly aims: readonly (1 | 2 | 3 | 4)[];
  readonly change: string;
  readonly rationale: string;
  readonly impact: string;
}

export const librarySeed: readonly LibrarySeedIdea[] = [
  {
    key: 'panel-member-checklist',
    title: "Children's Hearing Panel Members have a checklist",
    agencies: ['chs', 'social-work'],
    aims: [1],
    change:
      'Social workers prepare for each hearing of a child on a Compulsory Supervision Order at home with a checklist of the key questions, answered in the report and said aloud at the hearing. Alongside, panel members and social workers collect six months of data on the recommendations and decisions made at hearings.',
    rationale: 'To make sure that, for every child on a supervision order at home, compulsion is still needed and proportionate.',
    impact: 'The number of children on supervision orders at home fell by more than a third, so more children stayed with their parents or carers without being brought back to hearings.',
  },
  {
    key: 'permanence-policy',
    title: 'Permanence policy implementation',
    agencies: ['social-work', 'legal', 'education', 'chs', 'scra', 'health'],
    aims: [2],
    change:
      'Before joining the programme the authority wrote a permanence policy, reviewed its service and formed a team for children from birth to twelve. A two-week planning meeting, tested as part of the programme, followed.',
    rationale: "The redesign followed national policy on early engagement, early permanence and better care for looked after children.",
    impact: 'Timescales fell when the policy came in and fell again after the two-week planning meeting: children now get a permanence decision about seven and a half months after being accommodated.',
  },
  {
    key: 'permanence-training',
    title: 'Five days of permanence training',
    agencies: ['social-work', 'legal'],
    aims: [2],
    change: 'Social workers (with reviewing officers and legal services) take five days of training on permanence: the legal tests, good practice, worked case examples and planning across agencies.',
    rationale: 'To help social workers see why early decisions matter and to raise the profile of permanence in the authority.',
    impact: 'Permanence is given the same priority as child protection, and social workers are more confident planning for permanence early.',
  },
  {
    key: 'concurrency-planning',
    title: 'Concurrency planning',
    agencies: ['social-work', 'health', 'chs', 'legal'],
    aims: [2],
    change: 'The concurrency model was tested for one baby who could not go home from birth: the baby was placed shortly after birth with carers approved as prospective adopters while rehabilitation was still considered.',
    rationale: "Siblings had waited a long time for plans in the past; research on working to a child's timescale and on concurrent planning pointed to this model.",
    impact: 'The multi-agency group followed the baby, who met the prospective adopters at two days old; the adoption was granted within nine months. Panel members said it helped them make confident, well-evidenced decisions about contact.',
  },
  {
    key: 'health-at-hearings',
    title: "Involvement of health in Children's Hearings",
    agencies: ['scra', 'health', 'social-work'],
    aims: [2],
    change: "The Reporter e-mails a shared health inbox with the dates of hearings; health visitors then make sure the social work report carries the child's health updates, and decide whether to attend.",
    rationale: "So that recommendations to hearings are multi-agency and children's health needs are properly represented.",
    impact: "Closer working between the Reporter, health and social work, and children's health needs communicated to hearings.",
  },
  {
    key: 'agenda-72-hour-meeting',
    title: 'Standard agenda for 72-hour post admission meeting',
    agencies: ['social-work', 'health', 'education'],
    aims: [2],
    change: 'The meeting held within 72 hours of a child being accommodated follows a set agenda that anticipates what comes next and gives every agency its tasks for the following two weeks.',
    rationale: 'So that at every 72-hour meeting each agency knows what information about the child it must bring to support planning.',
    impact: 'Helped decisions about a return home or remaining accommodated to be made by 40 weeks, giving children stability earlier.',
  },
  {
    key: 'pre-birth-alert',
    title: 'Alert to SCRA pre-birth',
    agencies: ['scra', 'social-work'],
    aims: [2],
    change: 'The Reporter is told two weeks ahead about babies likely to be accommodated away from their family at birth.',
    rationale:
      'The Reporter cannot take a referral before birth, but an early alert lets evidence and grounds for referral be prepared, an initial hearing be held within two weeks of birth, and emergency orders be avoided.',
    impact: 'More timely initial hearings for newborn babies who could not go home at birth.',
  },
  {
    key: 'kinship-ppm',
    title: 'Permanence Planning Meeting for kinship care',
    alsoKnownAs: ['Permanence planning meeting for children in kinship care'],
    agencies: ['social-work', 'legal'],
    aims: [2],
    change: 'Every child whose permanence plan is kinship care has the plan examined and formally recommended at a permanence planning meeting, as for other looked after children.',
    rationale: 'So that decisions for children in kinship care get the same scrutiny as decisions for other looked after children.',
    impact: 'More attention to children in kinship care and a clearer process for active decisions on their plans.',
  },
  {
    key: 'supervised-contact-template',
    title: 'Supervised contact template',
    agencies: ['social-work', 'chs'],
    aims: [2],
    change:
      'A template for recording what is observed and assessed during supervised contact was developed, tested and rolled out, feeding assessment reports. It ran alongside contact training for panel members from the same team manager.',
    rationale: 'Hearings often could not agree with multi-agency recommendations on permanence and contact; the evidence in reports needed to be stronger. Workers could also use the template to talk with parents.',
    impact: 'Better assessment reports with specific evidence behind each recommendation; the team now allocates no more than two workers to each child who needs supervised contact.',
  },
  {
    key: 'wellbeing-baby-tool',
    title: 'Wellbeing baby tool',
    agencies: ['social-work'],
    aims: [2],
    change: "A wellbeing tool for babies is used in pre-birth work with parents whose capacity to parent is in doubt, and at pre-birth child protection case conferences, to keep the baby's needs in focus.",
    rationale: 'To give the baby a voice, to help parents understand what their child needs from them and why, and to stress responsibilities as well as rights.',
    impact: 'Social workers found it eased conversations with parents and kept the child at the centre of decisions; the babies involved stayed with their families.',
  },
  {
    key: 'information-for-children',
    title: 'Information for children',
    agencies: ['social-work'],
    aims: [2],
    change: "A plain-language leaflet, \"What do we mean when we use the word 'permanence'?\", explains the four routes to permanence, who works together to keep a young person safe, and what permanence does not mean. Young people commented on the draft.",
    rationale: 'Young people have little information about permanence and say it feels distant; the leaflet aims to ease their worries about being looked after.',
    impact: 'Young people said it explained permanence well and eased fears about not seeing their family, and wished they had had it sooner; they suggested addressing the reader as "you" and adding colour.',
  },
  {
    key: 'two-week-review',
    title: 'Looked after review 2 weeks from becoming accommodated',
    agencies: ['social-work', 'health', 'education'],
    aims: [2],
    change: 'Two weeks after a child is accommodated an independent reviewing officer chairs a review that sets the dates of all later reviews, including the review that makes the permanence decision, within the agreed timescale.',
    rationale: "One reviewing officer stays with the child throughout, takes ownership of the plan and watches that assessments and decisions keep to the schedule set at two weeks.",
    impact: 'Helped decisions about a return home or remaining accommodated to be made by 40 weeks.',
  },
  {
    key: 'permanence-plan-for-all',
    title: 'All children have permanence plans',
    agencies: ['social-work'],
    aims: [2],
    change: 'Over nine months of reviews, a permanence plan was recorded for every looked after child, including those for whom a decision had in effect been made but never written down.',
    rationale: 'The language of permanence belongs in every looked after review: plans may change, but every child should always have one.',
    impact: 'Every looked after child in the authority now has a permanence plan.',
  },
  {
    key: 'independent-kinship-assessment',
    title: 'Concurrent assessment of kinship carers by independent worker',
    agencies: ['social-work'],
    aims: [2],
    change: "A social worker other than the child's own assesses the potential kinship carers.",
    rationale: "The assessment is more independent, and the child's social worker can concentrate on supporting rehabilitation.",
    impact: "More independent kinship assessments, completed on time more easily because the child's worker had less to do.",
  },
  {
    key: 'early-legal-advice',
    title: 'Legal advice in advance of permanence looked after review',
    agencies: ['legal', 'social-work'],
    aims: [2],
    change: 'Eight weeks before the review that will consider permanence, social work asks legal services to diarise written advice for four weeks before the review.',
    rationale: 'Children who are accommodated are unlikely to return home; asking early avoids waiting for advice after the decision, and the advice can be withdrawn if parents make enough progress.',
    impact: 'Cut about eight weeks of waiting for legal advice after a permanence decision away from home.',
  },
  {
    key: 'legal-referral-form',
    title: "Using a Referral Form to request legal advice on child's permanence plan",
    agencies: ['legal', 'social-work'],
    aims: [2],
    change: "The child's social worker sends legal services a referral form, with the documents it lists, whenever legal advice on a permanence plan is needed before the review that will recommend it.",
    rationale: 'Back-and-forth between social work and legal services caused delay; over a third of looked after reviews were being cancelled because legal services lacked the time or documents to advise.',
    impact: "Both services are clear what is needed for advice, and the evidence for a child's plan is gathered earlier.",
  },
  {
    key: 'visual-timeline',
    title: 'Using visual timeline',
    agencies: ['social-work', 'chs'],
    aims: [2],
    change: "A visual timeline of the child's life events supports the chronology and is presented at the meetings where decisions are made.",
    rationale: "Timelines are used with parents, children, carers, family, panel members and permanence panels; the gaps between events show how much time has passed in a way a chronology alone does not.",
    impact: "The child's story on one sheet keeps their experience at the centre of decisions, helps everyone see the journey so far, and creates urgency about a settled home.",
  },
  {
    key: 'health-checklist-ppm',
    title: 'Health assessment checklist taken to permanence planning meeting',
    agencies: ['health', 'social-work'],
    aims: [3],
    change: 'The permanence social worker brings a health assessment checklist and a panel paper checklist to the permanence planning meeting; locality managers also receive them to hand out.',
    rationale: 'So that information from partner agencies such as health and education arrives as quickly as possible.',
    impact: 'Better communication between agencies and clearer next steps for everyone progressing permanence plans.',
  },
  {
    key: 'remove-ratifying-review',
    title: 'Reduction in process',
    agencies: ['social-work'],
    aims: [3],
    change: 'The "ratifying" looked after review, a third step after the review and the permanence planning meeting, was removed; the first review is trusted to make a well-evidenced decision.',
    rationale: 'The extra step left some children weeks longer without legal security; removing it frees staff to work with families and gather evidence in time.',
    impact: 'Well received in every test and now business as usual: one step fewer, and shorter timescales for permanence plans.',
  },
  {
    key: 'kinship-care-panel',
    title: 'Establishing Kinship Care Panel',
    agencies: ['social-work', 'education', 'health', 'legal'],
    aims: [3],
    change: 'A kinship care panel, with members from education, health and legal services, approves and reviews formal and informal kinship carers.',
    rationale: 'So that kinship carers are assessed and reviewed with the same scrutiny as other carers of looked after children.',
    impact: 'More attention to children in kinship care and closer scrutiny of kinship carers and placements.',
  },
  {
    key: 'cease-form-e-part-2',
    title: 'Cease use of Form E part 2',
    agencies: ['social-work'],
    aims: [3],
    change: 'Form E part 2 is no longer written; the assessment report for the permanence review is extended to hold everything the permanence panel needs.',
    rationale: 'Writing a Form E after a full assessment repeated work, added little for the child and caused significant delay.',
    impact: 'Contributed to a three-month reduction in the time to the Agency Decision Maker ratifying a plan for permanence away from home.',
  },
  {
    key: 'mentoring-for-staff',
    title: 'Mentoring for staff',
    agencies: ['social-work'],
    aims: [3],
    change: "Two weeks after the review that recommends permanence away from home, a social work mentor meets the child's social worker to confirm the tasks, roles and responsibilities needed to bring the plan to the permanence panel on time.",
    rationale: 'Mentoring and coaching help workers be clear about their tasks and feel supported to keep plans within timescale.',
    impact: 'Contributed to a three-month reduction in the time to the Agency Decision Maker ratifying a plan for permanence away from home.',
  },
  {
    key: 'recorded-delivery-advice-hearings',
    title: 'Recorded delivery for advice hearings',
    agencies: ['scra', 'social-work'],
    aims: [3],
    change: 'Notices of advice hearings go by recorded delivery, social workers contact the family two days before, and if a hearing is continued the Reporter reschedules it within two weeks.',
    rationale: 'Advice hearings were continued when people did not attend; getting the right people there, or proof they were notified, avoids the delay.',
    impact: 'The Reporter saw a significant fall in advice hearings being continued.',
  },
  {
    key: 'fewer-court-productions',
    title: 'Reduction in number of productions for court',
    agencies: ['courts', 'social-work', 'legal'],
    aims: [4],
    change: 'A round table of sheriffs and social work agreed how information is best put to the court: fewer productions, a memorandum of understanding with legal services and family solicitors, and court time prioritised for these applications.',
    rationale: "Long court proceedings add to drift and delay; some matters can be agreed before hearings, and concurrent court time settles matters sooner.",
    impact: 'Two thirds of applications were dealt with in 20 weeks or less, and solicitors reported better relations between legal services and the court.',
  },
  {
    key: 'feedback-from-young-people',
    title: 'Gathering feedback from young people',
    agencies: ['other', 'education', 'social-work', 'chs'],
    aims: [4],
    change: 'Time was spent with care-experienced young people through a children\'s rights organisation, acting on their views of several child-friendly resources.',
    rationale: 'The voices of children with care experience should shape their own care and the care of others.',
    impact:
      'Young people asked for resources they can personalise, a choice of colours and styles, material suited to their age, friendly fonts, relatable pictures, clear simple language, use as a prompt for a conversation rather than on its own, child-friendly web pages and someone to contact.',
  },
  {
    key: 'po-timescales-as-poa',
    title: 'Timescales for PO aligned with POAs',
    agencies: ['legal'],
    aims: [4],
    change: 'Decisions and court applications for Permanence Orders keep to the same timescales as those for Permanence Orders with Authority to Adopt.',
    rationale: 'Legal security through a Permanence Order matters to a child as much as an application with authority to adopt.',
    impact: 'More focus on legal security for every child; applications for Permanence Orders are reported to be made sooner and given the same priority.',
  },
  {
    key: 'single-po-report',
    title: 'Reduction in number of reports produced',
    agencies: ['legal', 'social-work'],
    aims: [4],
    change: 'Where the plan is a Permanence Order with the current foster carer, no Form E is written: one Permanence Order report, in a style agreed with legal services, serves both the permanence panel and the court application.',
    rationale: 'One report, if good enough for the panel, speeds the step from panel to court; the first report tested was accepted by the panel without a Form E.',
    impact: 'Cases reach court about five weeks sooner on average, and social work time is freed; more data is being collected as the test is scaled up.',
  },
  {
    key: 'independent-review-at-15',
    title: 'Permanence plans reviewed by independent reviewer',
    agencies: ['social-work'],
    aims: [4],
    change: 'Every young person aged fifteen and a half has their permanence plan reviewed by an independent reviewer, so that pathway plans are right.',
    rationale: 'More attention to older looked after young people, so they have the support they need into adulthood.',
    impact: 'Looked after young people have clear pathway plans, set and reviewed into adulthood.',
  },
];
