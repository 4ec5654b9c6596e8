import { formatPlain } from './format';
import type { CompositeIndicator, CompositeRule } from './composite';

const BASIS_WORDS: Record<CompositeIndicator['basis'], string> = {
  value: '数值',
  growth: '增速',
  completion: '完成率',
};

/**
 * The composite rule in Chinese words for the table's note, accurate to the parameters: the rule, the
 * number of districts ranked (one number when all indicators have the same), each indicator's basis,
 * direction and weight, the treatment of missing figures and of ties.
 */
export function compositeRuleText(
  rule: CompositeRule,
  indicators: readonly CompositeIndicator[],
  rankedCounts: readonly number[],
): string {
  const weights = indicators
    .map(
      (ind) =>
        `${ind.name}按${BASIS_WORDS[ind.basis]}${ind.direction === 'lower' ? '（越低越好）' : ''}，权重${formatPlain(ind.weight)}`,
    )
    .join('；');
  const first = rankedCounts[0];
  const sameCount = first !== undefined && rankedCounts.every((c) => c === first);
  let scoring: string;
  if (rule === 'rankPoints') {
    scoring = sameCount
      ? `综合得分按各指标位次计分：参与排名的${first}个区县中第1位得${first}分，每后移一位少得1分，并列者得分相同，未报送或不适用的不得分`
      : '综合得分按各指标位次计分：某指标参与排名的区县数为n，则第1位得n分，每后移一位少得1分，并列者得分相同，未报送或不适用的不得分';
  } else {
    scoring =
      '综合得分按各指标标准化值计分：参与排名的区县中最优值得100分、最差值得0分（越低越好的指标以最低值为最优），其余按数值在两者之间的位置折算，数值均相同时均得100分；未报送或不适用的不得分，权重不重新分配';
  }
  return (
    `${scoring}；指标数值先按发布精度舍入再比较；各指标得分乘以权重后相加（${weights}），` +
    `综合得分保留两位小数，得分相同者并列。`
  );
}
