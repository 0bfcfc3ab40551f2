// The catalog-wide page's analysis worker: parses and analyses docs off the
// page's main thread (see coverage-analyzer.ts).
import type {
  AnalysisRequest,
  AnalysisResponse,
  WorkerStatus,
} from './coverage-analyzer-protocol';
import { provideEntityDecodingDocument } from './worker-entity-decoder';

const scope = globalThis as unknown as {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<AnalysisRequest>) => void,
  ): void;
  postMessage(message: AnalysisResponse | WorkerStatus): void;
};

// The parser's entity decoder needs its element when its module loads, so
// the parser is loaded after it is provided; requests wait until then.
provideEntityDecodingDocument();
let handle:
  ((request: AnalysisRequest) => AnalysisResponse | undefined) | undefined;
const waiting: AnalysisRequest[] = [];
const answer = (request: AnalysisRequest) => {
  const response = handle!(request);
  if (response) scope.postMessage(response);
};
scope.addEventListener('message', event => {
  if (handle) answer(event.data);
  else waiting.push(event.data);
});
import('./coverage-analyzer-protocol').then(
  ({ createAnalysisHandler }) => {
    handle = createAnalysisHandler();
    waiting.splice(0).forEach(answer);
    scope.postMessage({ status: 'ready' });
  },
  error => scope.postMessage({ status: 'failed', reason: String(error) }),
);
