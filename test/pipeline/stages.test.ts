import { describe, expect, it } from 'vitest';
import { PIPELINE, extract, runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import { assemble, PipelineError, type Stage } from '../../src/text/stage.js';
import { runStages } from '../../scripts/eval-events.js';
import { documentLayers } from '../../src/document/build.js';

const stage = (name: string, requires: Stage['requires'], assigns: Stage['assigns']): Stage => ({ name, requires, assigns, run: () => {} });

describe('declared stages', () => {
  it('the shipping pipeline is entities → times → quotation marks → quotes → events', () => {
    expect(PIPELINE.stages.map((s) => s.name)).toEqual(['entities', 'times', 'marks', 'quotes', 'events']);
  });

  it('a stage that requires a layer no earlier stage assigns is an error when the pipeline is assembled', () => {
    const times = stage('times', ['text'], ['times']);
    const events = stage('events', ['text', 'entities', 'times'], ['events']);
    const entities = stage('entities', ['text'], ['entities']);
    expect(() => assemble([times, events])).toThrow(PipelineError);
    expect(() => assemble([times, events])).toThrow(/"events" requires the layer "entities"/);
    expect(() => assemble([events, entities, times])).toThrow(/"events" requires/);
    expect(() => assemble([entities, times, events]).stages.length).not.toThrow();
    expect(() => assemble([entities, entities])).toThrow(/two stages are named "entities"/);
  });

  it('disabling a stage whose layer a later stage reads is an error unless the caller gives that layer', () => {
    const doc = createDoc({ text: 'Putin met Pezeshkian.' });
    expect(() => runPipeline(doc, { disable: ['quotes'] })).toThrow(/"events" requires the layer "quotes"/);
    expect(() => runPipeline(doc, { disable: ['entities'] })).toThrow(/"quotes" requires the layer "entities"/);
    expect(() => runPipeline(doc, { until: 'nope' })).toThrow(/no stage is named "nope"/);
    expect(() => runPipeline(doc, { disable: ['entities'], given: ['entities'] })).not.toThrow();
  });

  it('until stops after the named stage', () => {
    const ran: string[] = [];
    runPipeline(createDoc({ text: 'Putin met Pezeshkian on Friday.' }), { until: 'times', onStage: (name) => ran.push(name) });
    expect(ran).toEqual(['entities', 'times']);
  });

  it('the event evaluation measures the pipeline that ships (issue 10 probe)', () => {
    const text = 'Lavrov said: «Russian troops attacked the depot on Monday.»';
    const shipped = extract(text, { publishedAt: '2024-10-16' }).events;
    const evaluated = documentLayers(runStages(createDoc({ text, publishedAt: '2024-10-16' }))).events;
    expect(evaluated.map((e) => [e.type, e.trigger.text, e.date?.start ?? null])).toEqual(shipped.map((e) => [e.type, e.trigger.text, e.date?.start ?? null]));
    // The attack is Lavrov's claim inside quotation marks, not an event the article asserts.
    expect(shipped.filter((e) => e.type === 'ATTACK').map((e) => e.factuality)).toEqual(['reported']);
  });
});
