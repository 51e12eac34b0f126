<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>LessonFindings</name>
    <message>
        <source>step 1, first block&apos;s gradient norm ÷ last block&apos;s</source>
        <translation>第 1 步：第一个块的梯度范数 ÷ 最后一个块的</translation>
    </message>
    <message>
        <source>loss at step 1</source>
        <translation>第 1 步的损失</translation>
    </message>
    <message>
        <source>mean loss over the last tenth of the steps</source>
        <translation>最后十分之一步数的平均损失</translation>
    </message>
    <message>
        <source>highest loss ÷ first</source>
        <translation>最高损失 ÷ 第一步损失</translation>
    </message>
    <message>
        <source>diverged (1) or not (0)</source>
        <translation>是否发散（1 是，0 否）</translation>
    </message>
    <message>
        <source>the step it diverged at</source>
        <translation>发散时的步数</translation>
    </message>
    <message>
        <source>change of the loss from 20 to 56 layers</source>
        <translation>从 20 层到 56 层损失的变化</translation>
    </message>
    <message>
        <source>accuracy with every block</source>
        <translation>所有块都在时的准确率</translation>
    </message>
    <message>
        <source>accuracy, one block bypassed: median</source>
        <translation>绕过一个块时的准确率：中位数</translation>
    </message>
    <message>
        <source>accuracy, one block bypassed: lowest</source>
        <translation>绕过一个块时的准确率：最低</translation>
    </message>
    <message>
        <source>accuracy, one block bypassed: highest</source>
        <translation>绕过一个块时的准确率：最高</translation>
    </message>
    <message>
        <source>accuracy lost at the median</source>
        <translation>中位数处损失的准确率</translation>
    </message>
    <message>
        <source>share of the map below loss 1</source>
        <translation>图中损失低于 1 的比例</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>multiply-adds per image</source>
        <translation>每张图像的乘加次数</translation>
    </message>
    <message>
        <source>parameters ÷ the bottleneck&apos;s</source>
        <translation>参数量 ÷ 瓶颈结构的</translation>
    </message>
    <message>
        <source>probability of the class explained</source>
        <translation>所解释类别的概率</translation>
    </message>
    <message>
        <source>the step from which every map correlates ≥ 0.5</source>
        <translation>从该步起每张图的相关系数都 ≥ 0.5</translation>
    </message>
    <message>
        <source>%1: correlation with the last map</source>
        <translation>%1：与最后一张图的相关系数</translation>
    </message>
    <message>
        <source>frames named right: face-on</source>
        <translation>识别正确的帧：正面</translation>
    </message>
    <message>
        <source>frames named right: edge-on</source>
        <translation>识别正确的帧：侧立</translation>
    </message>
    <message>
        <source>frames named right: on its side</source>
        <translation>识别正确的帧：横躺</translation>
    </message>
    <message>
        <source>frames named right: upside down</source>
        <translation>识别正确的帧：倒置</translation>
    </message>
    <message>
        <source>frames of the clip classified</source>
        <translation>已分类的片段帧数</translation>
    </message>
</context>
<context>
    <name>LessonHandout</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What the lesson measured</source>
        <translation>本课测得的结果</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>参考文献：</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>A handout is a .pdf or a .png file: %1</source>
        <translation>讲义须为 .pdf 或 .png 文件：%1</translation>
    </message>
</context>
<context>
    <name>LessonSentences</name>
    <message>
        <source>Measured in one run (seed %1). One run shows what happened once; it cannot say how much of it is chance.</source>
        <translation>只测了一次运行（种子 %1）。一次运行只说明这一次发生了什么，说不出其中有多少是偶然。</translation>
    </message>
    <message>
        <source>Measured over %1 seeds (%2): each number is their median, with the range over the seeds in brackets.</source>
        <translation>在 %1 个种子（%2）上测量：每个数字是它们的中位数，括号里是各种子之间的范围。</translation>
    </message>
    <message>
        <source>Seed %1: %2</source>
        <translation>种子 %1：%2</translation>
    </message>
    <message>
        <source>One run cannot settle the comparison: run the lesson with 3 seeds for that.</source>
        <translation>一次运行无法确定这个比较：请用 3 个种子运行本课。</translation>
    </message>
    <message>
        <source>At step 1, the first block&apos;s gradient norm over the last block&apos;s: %1 in %2, %3 in %4.</source>
        <translation>第 1 步时，第一个块的梯度范数与最后一个块之比：%2 为 %1，%4 为 %3。</translation>
    </message>
    <message>
        <source>In %1 the gradient grows on its way back to the input.</source>
        <translation>在 %1 中，梯度在传回输入的途中变大。</translation>
    </message>
    <message>
        <source>In %1 the gradient shrinks on its way back to the input.</source>
        <translation>在 %1 中，梯度在传回输入的途中变小。</translation>
    </message>
    <message>
        <source>In %1 the gradient grows on its way back to the input, in every seed.</source>
        <translation>在 %1 中，每个种子的梯度都在传回输入的途中变大。</translation>
    </message>
    <message>
        <source>In %1 the gradient shrinks on its way back to the input, in every seed.</source>
        <translation>在 %1 中，每个种子的梯度都在传回输入的途中变小。</translation>
    </message>
    <message>
        <source>In %1 the gradient grew on its way back in some seeds and shrank in others.</source>
        <translation>在 %1 中，梯度在传回途中有的种子变大，有的种子变小。</translation>
    </message>
    <message>
        <source>In every seed that ratio was larger in %1 than in %2, by more than %2&apos;s spread over the seeds.</source>
        <translation>每个种子中，%1 的这个比值都比 %2 的大，差距超过 %2 在各种子间的波动范围。</translation>
    </message>
    <message>
        <source>In every seed that ratio was smaller in %1 than in %2, by more than %2&apos;s spread over the seeds.</source>
        <translation>每个种子中，%1 的这个比值都比 %2 的小，差距超过 %2 在各种子间的波动范围。</translation>
    </message>
    <message>
        <source>These seeds did not settle in which network that ratio is larger.</source>
        <translation>这些种子没能确定哪个网络的这个比值更大。</translation>
    </message>
    <message>
        <source>A run that ended early has no last steps to compare: run the lesson again.</source>
        <translation>提前结束的运行没有最后的步数可比较：请重新运行本课。</translation>
    </message>
    <message>
        <source>Mean batch loss over the last %1 of %2 steps: %3 for %4, %5 for %6.</source>
        <translation>%2 步中最后 %1 步的平均批次损失：%4 为 %3，%6 为 %5。</translation>
    </message>
    <message>
        <source>The highest batch loss of the run was %1× the first for %2 and %3× for %4.</source>
        <translation>本次运行的最高批次损失：%2 为第一步的 %1 倍，%4 为 %3 倍。</translation>
    </message>
    <message>
        <source>In every seed %1 ended behind %2, by more than %2&apos;s spread over the seeds.</source>
        <translation>每个种子中，%1 最后都落后于 %2，差距超过 %2 在各种子间的波动范围。</translation>
    </message>
    <message>
        <source>In every seed %1 kept up with %2: it ended lower, by more than %2&apos;s spread over the seeds.</source>
        <translation>每个种子中，%1 都跟上了 %2：最后损失更低，差距超过 %2 在各种子间的波动范围。</translation>
    </message>
    <message>
        <source>These seeds did not settle which network ends lower after %1 steps.</source>
        <translation>这些种子没能确定 %1 步后哪个网络的损失更低。</translation>
    </message>
    <message>
        <source>%1 was not stuck: its loss fell from %2 at step 1 to %3.</source>
        <translation>%1 没有停滞：它的损失从第 1 步的 %2 降到了 %3。</translation>
    </message>
    <message>
        <source>%1 hardly moved from its first loss (%2 at step 1, %3 at the end).</source>
        <translation>%1 的损失几乎没有离开起点（第 1 步 %2，最后 %3）。</translation>
    </message>
    <message>
        <source>The loss at step 1: %1 for %2, %3 for %4 (chance: %5).</source>
        <translation>第 1 步的损失：%2 为 %1，%4 为 %3（随机猜测：%5）。</translation>
    </message>
    <message>
        <source>%1 did not learn in any seed: its mean loss over the last %2 steps stayed at chance (%3).</source>
        <translation>%1 在任何种子中都没有学到东西：最后 %2 步的平均损失停留在随机猜测水平（%3）。</translation>
    </message>
    <message>
        <source>%1 learned in every seed: its loss moved away from chance (%2 over the last %3 steps).</source>
        <translation>%1 在每个种子中都学到了东西：损失离开了随机猜测水平（最后 %3 步为 %2）。</translation>
    </message>
    <message>
        <source>%1&apos;s loss stayed at chance in %2 of %3 seeds.</source>
        <translation>%1 的损失在 %3 个种子中的 %2 个停留在随机猜测水平。</translation>
    </message>
    <message>
        <source>%1 did not diverge in any seed.</source>
        <translation>%1 在任何种子中都没有发散。</translation>
    </message>
    <message>
        <source>%1 without batch norm diverged in %2 of %3 seeds, at step %4.</source>
        <translation>没有批归一化的 %1 在 %3 个种子中的 %2 个发散，发生在第 %4 步。</translation>
    </message>
    <message>
        <source>The lesson needs every run to finish: run it again.</source>
        <translation>本课需要每次运行都完成：请重新运行。</translation>
    </message>
    <message>
        <source>Mean batch loss over the last %1 of %2 steps, 20 layers: %3 for resnet20, %4 for plain20; 56 layers: %5 for resnet56, %6 for plain56.</source>
        <translation>%2 步中最后 %1 步的平均批次损失，20 层：resnet20 为 %3，plain20 为 %4；56 层：resnet56 为 %5，plain56 为 %6。</translation>
    </message>
    <message>
        <source>From 20 to 56 layers the plain network&apos;s loss changed by %1 and the ResNet&apos;s by %2.</source>
        <translation>从 20 层到 56 层，普通网络的损失变化了 %1，ResNet 的变化了 %2。</translation>
    </message>
    <message>
        <source>In every seed depth hurt the plain network more, by more than the ResNet&apos;s spread over the seeds. That is the direction of the degradation problem He et al. found (2015, Fig. 1 and 6); they measured training error at convergence, this lesson the loss after a short run.</source>
        <translation>每个种子中，深度对普通网络的伤害都更大，差距超过 ResNet 在各种子间的波动范围。这与 He 等人发现的退化问题方向一致（2015，图 1 和图 6）；他们测的是收敛时的训练误差，本课测的是短暂训练后的损失。</translation>
    </message>
    <message>
        <source>In every seed depth hurt the ResNet more than the plain network: not the direction He et al. found (2015).</source>
        <translation>每个种子中，深度对 ResNet 的伤害都比对普通网络的大：与 He 等人的发现（2015）方向相反。</translation>
    </message>
    <message>
        <source>These seeds did not settle whether depth hurts the plain network more: the difference changed sign between seeds, or was within the ResNet&apos;s spread.</source>
        <translation>这些种子没能确定深度是否对普通网络伤害更大：差值在种子之间改变了符号，或没有超出 ResNet 的波动范围。</translation>
    </message>
    <message>
        <source>The study was cancelled: run the lesson again for its numbers.</source>
        <translation>研究已取消：请重新运行本课以得到数字。</translation>
    </message>
    <message>
        <source>%1, one block bypassed at a time, on %2 test images a seed: lowest %3, median %4, highest %5 (every block in place: %6).</source>
        <translation>%1，每次绕过一个块，每个种子 %2 张测试图像：最低 %3，中位数 %4，最高 %5（所有块都在：%6）。</translation>
    </message>
    <message>
        <source>In every seed bypassing one block cost the plain network more than the ResNet, by more than the ResNet&apos;s spread over the seeds: at the median %1 points of accuracy against %2. Veit et al. 2016 (Fig. 3) found the same, and explain it by the shortcut: without F(x), x still reaches the next block.</source>
        <translation>每个种子中，绕过一个块对普通网络造成的损失都比对 ResNet 的大，差距超过 ResNet 在各种子间的波动范围：中位数处准确率下降 %1 个百分点，而 ResNet 为 %2。Veit 等人 2016（图 3）得到相同结果，并用捷径连接解释：没有 F(x)，x 仍能到达下一个块。</translation>
    </message>
    <message>
        <source>In every seed bypassing one block cost the ResNet more than the plain network: %1 points against %2 at the median.</source>
        <translation>每个种子中，绕过一个块对 ResNet 造成的损失都比对普通网络的大：中位数处为 %1 个百分点对 %2。</translation>
    </message>
    <message>
        <source>These seeds did not settle which network a bypassed block costs more: %1 points for the plain network, %2 for the ResNet, at the median.</source>
        <translation>这些种子没能确定绕过一个块对哪个网络损失更大：中位数处普通网络为 %1 个百分点，ResNet 为 %2。</translation>
    </message>
    <message>
        <source>At the median, bypassing one block cost the plain network %1 points of accuracy and the ResNet %2.</source>
        <translation>在中位数处，绕过一个块使普通网络的准确率下降 %1 个百分点，ResNet 下降 %2。</translation>
    </message>
    <message>
        <source>The landscape did not finish: run the lesson again for its numbers.</source>
        <translation>损失地形没有完成：请重新运行本课以得到数字。</translation>
    </message>
    <message>
        <source>On a %1×%1 grid reaching %2 along each direction, over the first %3 training images, with new random directions each seed: the loss is below 1 over %4 of resnet56&apos;s map and %5 of plain56&apos;s.</source>
        <translation>在每个方向延伸到 %2 的 %1×%1 网格上，用前 %3 张训练图像，每个种子取新的随机方向：resnet56 的图中有 %4 的区域损失低于 1，plain56 的为 %5。</translation>
    </message>
    <message>
        <source>In every seed resnet56&apos;s region of low loss was the larger, by more than plain56&apos;s spread over the seeds: the direction of Li et al.&apos;s finding (2018, Fig. 5).</source>
        <translation>每个种子中，resnet56 的低损失区域都更大，差距超过 plain56 在各种子间的波动范围：与 Li 等人的发现方向一致（2018，图 5）。</translation>
    </message>
    <message>
        <source>In every seed plain56&apos;s region of low loss was the larger: not the direction of Li et al.&apos;s finding (2018).</source>
        <translation>每个种子中，plain56 的低损失区域都更大：与 Li 等人的发现（2018）方向相反。</translation>
    </message>
    <message>
        <source>These seeds did not settle which network&apos;s region of low loss is larger.</source>
        <translation>这些种子没能确定哪个网络的低损失区域更大。</translation>
    </message>
    <message>
        <source>layer1.1&apos;s three convolutions (1×1 256→64, 3×3 64→64, 1×1 64→256) hold %1 parameters; two 3×3 convolutions at 256 channels would hold 3·3·256·256·2 = %2, %3× as many.</source>
        <translation>layer1.1 的三个卷积（1×1 256→64，3×3 64→64，1×1 64→256）共有 %1 个参数；两个 256 通道的 3×3 卷积将有 3·3·256·256·2 = %2 个，是其 %3 倍。</translation>
    </message>
    <message>
        <source>At its %1×%2 output that is %3 multiply-adds against %4 per image.</source>
        <translation>在其 %1×%2 的输出上，每张图像需要 %3 次乘加，而后者需要 %4 次。</translation>
    </message>
    <message>
        <source>For %1 (%2), the correlation of each block&apos;s map with the last block&apos;s, both at the input&apos;s resolution: %3.</source>
        <translation>对于 %1（%2），每个块的图与最后一个块的图的相关系数（均在输入分辨率下）：%3。</translation>
    </message>
    <message>
        <source>From %1 on, every map correlates at least 0.5 with the last one: the evidence takes its final shape in %2.</source>
        <translation>从 %1 起，每张图与最后一张的相关系数都至少为 0.5：证据在 %2 中形成最终的形状。</translation>
    </message>
    <message>
        <source>No earlier map correlates at least 0.5 with the last one: the evidence takes its shape at the very end.</source>
        <translation>之前没有一张图与最后一张的相关系数达到 0.5：证据到最后才成形。</translation>
    </message>
    <message>
        <source>%1 diverged at step %2.</source>
        <translation>%1 在第 %2 步发散。</translation>
    </message>
    <message>
        <source>%1 was stopped after %2 steps.</source>
        <translation>%1 在 %2 步后被停止。</translation>
    </message>
    <message>
        <source>The lines were not walked to the end: run the lesson again for its numbers.</source>
        <translation>直线没有走完：请重新运行本课以获得数值。</translation>
    </message>
    <message>
        <source>Freshly initialised, with batch-norm statistics from %1 training images: along %2 points through a test image, the derivative&apos;s autocorrelation first fell below 0.5 at lag %3 in %4 and at lag %5 in %6.</source>
        <translation>刚初始化、批归一化统计量取自 %1 张训练图像：沿穿过一张测试图像的 %2 个点，导数的自相关在 %4 中于滞后 %3 首次低于 0.5，在 %6 中于滞后 %5。</translation>
    </message>
    <message>
        <source>In every seed the fresh %1&apos;s derivative stayed correlated over more points than the fresh %2&apos;s, by more than %2&apos;s spread over the seeds. Balduzzi et al. 2017 found the same: at initialisation a deep plain network&apos;s gradient is like white noise, a ResNet&apos;s like brown noise.</source>
        <translation>在每个种子中，刚初始化的 %1 的导数保持相关的点数都多于刚初始化的 %2，差距超过 %2 在各种子间的波动。Balduzzi 等人（2017）得到相同结论：初始化时，深层普通网络的梯度像白噪声，ResNet 的梯度像布朗噪声。</translation>
    </message>
    <message>
        <source>In every seed the fresh %1&apos;s derivative decorrelated sooner than the fresh %2&apos;s: not what Balduzzi et al. 2017 found.</source>
        <translation>在每个种子中，刚初始化的 %1 的导数都比刚初始化的 %2 更早失去相关：与 Balduzzi 等人（2017）的发现不同。</translation>
    </message>
    <message>
        <source>These seeds did not settle which fresh network&apos;s derivative stays correlated longer.</source>
        <translation>这些种子未能确定哪个刚初始化网络的导数保持相关更久。</translation>
    </message>
    <message>
        <source>The trained networks on the same lines: lag %1 in %2, lag %3 in %4.</source>
        <translation>训练后的网络在同样的直线上：%2 的滞后为 %1，%4 的滞后为 %3。</translation>
    </message>
    <message>
        <source>After training too, in every seed %1&apos;s derivative stayed correlated longer than %2&apos;s, by more than %2&apos;s spread.</source>
        <translation>训练之后，在每个种子中 %1 的导数同样比 %2 保持相关更久，差距超过 %2 的波动。</translation>
    </message>
    <message>
        <source>After training, in every seed %2&apos;s derivative stayed correlated longer than %1&apos;s.</source>
        <translation>训练之后，在每个种子中 %2 的导数都比 %1 保持相关更久。</translation>
    </message>
    <message>
        <source>After training these seeds did not settle which network&apos;s derivative stays correlated longer: training changes both.</source>
        <translation>训练之后，这些种子未能确定哪个网络的导数保持相关更久：训练改变了两者。</translation>
    </message>
    <message>
        <source>The clip did not play to its end: play the lesson again for its numbers.</source>
        <translation>片段没有播放到结尾：请重新播放本课以得到数字。</translation>
    </message>
    <message>
        <source>Over the clip&apos;s %1 frames, ResNet-20 named the product in %2 of the frames that show it face-on, %3 edge-on, %4 lying on its side and %5 upside down.</source>
        <translation>在片段的 %1 帧中，ResNet-20 在正面帧中有 %2 认出了产品，侧立时 %3，横躺时 %4，倒置时 %5。</translation>
    </message>
    <message>
        <source>Every turn cost it at least %1 points. Fashion-MNIST shows every product from the front (Xiao et al. 2017), and the shipped model learned from those images shifted by up to 2 pixels and mirrored, never turned: edge-on, on its side or upside down, a product is one it has not seen.</source>
        <translation>每一种转动都让它至少下降 %1 个百分点。Fashion-MNIST 中的每件产品都是正面拍摄的（Xiao 等 2017），随附模型学习的是这些图像平移至多 2 个像素和镜像后的版本，从未转动过：侧立、横躺或倒置的产品，是它从未见过的。</translation>
    </message>
    <message>
        <source>Not every turn cost it much: the smallest drop from face-on was %1 points.</source>
        <translation>并非每种转动都让它损失很大：相对正面的最小下降为 %1 个百分点。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Why skip connections?</source>
        <translation>为什么需要跳跃连接？</translation>
    </message>
    <message>
        <source>ResNet-56 beside plain-56, same weights, same batches: the gradient at the first step, then a short paired run.</source>
        <translation>ResNet-56 与 plain-56 并排，初始权重相同、批次相同：先看第一步的梯度，再看一段简短的对照训练。</translation>
    </message>
    <message>
        <source>The depth profile: every block&apos;s gradient norm at step 1 (dashed) for both networks, block 1 on the left. Then the loss chart as the run goes on, and the two per-block charts: do the shallow (violet) and deep (yellow) curves stay together?</source>
        <translation>深度剖面图：两个网络在第 1 步时每个残差块的梯度范数（虚线），第 1 块在最左边。然后看训练过程中的损失曲线，以及两张逐块图表：浅层（紫色）和深层（黄色）的曲线是否靠在一起？</translation>
    </message>
    <message>
        <source>Before the first step: which network&apos;s first block will get the larger gradient, and by how much? After the run: is the plain network stuck, or only slower?</source>
        <translation>第一步之前：哪个网络的第一个块会得到更大的梯度？大多少？训练结束后：普通网络是卡住了，还是只是更慢？</translation>
    </message>
    <message>
        <source>Degradation: deeper is not better without skips</source>
        <translation>退化问题：没有跳跃连接时，更深并不更好</translation>
    </message>
    <message>
        <source>20 and 56 layers, each with and without skips, trained alike for a few minutes: does depth help? (He et al. 2015, Fig. 1 and 6)</source>
        <translation>20 层和 56 层，各自有跳跃连接和没有跳跃连接，以相同方式训练几分钟：深度有帮助吗？（He 等，2015，图 1 和图 6）</translation>
    </message>
    <message>
        <source>The measurements below fill in as each paired run ends: first the 20-layer networks, then the 56-layer ones. The charts show the pair in training.</source>
        <translation>每组对照训练结束时，下方的测量结果随之填入：先是 20 层网络，再是 56 层网络。图表显示正在训练的那一组。</translation>
    </message>
    <message>
        <source>Will the 56-layer plain network end better or worse than the 20-layer one? And the ResNets? He et al. argue that a deeper network could copy a shallower one and make its extra layers identities: so why would it be worse?</source>
        <translation>56 层普通网络最终会比 20 层的更好还是更差？残差网络呢？He 等人指出，更深的网络可以复制较浅的网络，并让多出的层成为恒等映射：那它为什么会更差？</translation>
    </message>
    <message>
        <source>Without batch norm</source>
        <translation>没有批归一化</translation>
    </message>
    <message>
        <source>ResNet-56 and plain-56 with no batch normalisation: where does the gradient go, and does either network learn?</source>
        <translation>去掉批归一化的 ResNet-56 和 plain-56：梯度去了哪里？两个网络中有哪个能学到东西？</translation>
    </message>
    <message>
        <source>The depth profile at step 1: block 1 on the left. Then the loss chart: chance on ten classes is a loss of ln 10 = 2.30.</source>
        <translation>第 1 步的深度剖面图：第 1 块在最左边。然后看损失曲线：十个类别随机猜测的损失是 ln 10 = 2.30。</translation>
    </message>
    <message>
        <source>Batch norm rescales every layer&apos;s output during training. Take it away: what happens to the signal going forward through 56 layers, and to the gradient coming back?</source>
        <translation>批归一化在训练中重新缩放每一层的输出。去掉它：信号向前穿过 56 层时会怎样？反向传回的梯度又会怎样？</translation>
    </message>
    <message>
        <source>Bottleneck against basic</source>
        <translation>瓶颈结构与基本块</translation>
    </message>
    <message>
        <source>ResNet-50&apos;s layer1.1: why a 1×1 convolution before and after the 3×3 saves parameters.</source>
        <translation>ResNet-50 的 layer1.1：为什么在 3×3 卷积前后各加一个 1×1 卷积能节省参数。</translation>
    </message>
    <message>
        <source>The Parameters table at layer1.1, and the Blocks list&apos;s Params and Mult-adds columns for every block.</source>
        <translation>参数表中的 layer1.1，以及残差块列表中每个块的参数和乘加列。</translation>
    </message>
    <message>
        <source>A block takes 256 channels and gives 256. Two 3×3 convolutions at 256 channels, or 1×1 down to 64, 3×3 at 64, 1×1 back up to 256: which costs more, and by how much?</source>
        <translation>一个块输入 256 个通道、输出 256 个通道。两个 256 通道的 3×3 卷积，或者先 1×1 降到 64、再做 64 通道的 3×3、最后 1×1 升回 256：哪种代价更大？大多少？</translation>
    </message>
    <message>
        <source>A block is a correction</source>
        <translation>残差块是一次修正</translation>
    </message>
    <message>
        <source>Bypass one block at a time in the trained ResNet-56 and plain-56 and measure the accuracy (Veit et al. 2016).</source>
        <translation>在训练好的 ResNet-56 和 plain-56 中每次绕过一个块，并测量准确率（Veit 等，2016）。</translation>
    </message>
    <message>
        <source>The left chart: the accuracy with each block bypassed, both networks side by side, chance dotted. Then, in the Feature maps tab, tick Bypass on a block in the Blocks list and watch the prediction.</source>
        <translation>左侧图表：绕过每个块时的准确率，两个网络并排，点线为随机水平。然后在“特征图”标签页中，在残差块列表里勾选某个块的“绕过”，观察预测的变化。</translation>
    </message>
    <message>
        <source>If you delete one layer of a 56-layer network, what happens? Does it matter whether the network has skip connections?</source>
        <translation>从 56 层的网络中删掉一层会怎样？网络有没有跳跃连接，结果会不同吗？</translation>
    </message>
    <message>
        <source>The loss landscape of the deep twins</source>
        <translation>深层双胞胎网络的损失地形</translation>
    </message>
    <message>
        <source>The loss around the trained ResNet-56 and plain-56 along two random, filter-normalised directions (Li et al. 2018).</source>
        <translation>沿两个随机的、按滤波器归一化的方向，看训练好的 ResNet-56 和 plain-56 周围的损失（Li 等，2018）。</translation>
    </message>
    <message>
        <source>The two maps share their contour levels; ✕ marks the trained network. Compare the size and shape of the region of low loss around it.</source>
        <translation>两张图使用相同的等高线级别；✕ 标出训练好的网络。比较它周围低损失区域的大小和形状。</translation>
    </message>
    <message>
        <source>Which network&apos;s training would you rather steer, from what you see? What would a wide, round basin mean for gradient descent?</source>
        <translation>从图上看，你更愿意引导哪个网络的训练？一个宽而圆的盆地对梯度下降意味着什么？</translation>
    </message>
    <message>
        <source>Where the evidence forms</source>
        <translation>证据在哪里形成</translation>
    </message>
    <message>
        <source>Grad-CAM through the blocks of ResNet-20 for a photo of a sneaker: from which block on does the map show what the network decides on?</source>
        <translation>对一张运动鞋照片，沿 ResNet-20 的各个块看 Grad-CAM：从哪个块开始，热力图显示出网络据以做决定的区域？</translation>
    </message>
    <message>
        <source>The Grad-CAM view: step through the blocks with the arrow keys, from the stem to the last block, and watch the map&apos;s resolution and shape.</source>
        <translation>Grad-CAM 视图：用方向键从主干逐块走到最后一个块，观察热力图的分辨率和形状。</translation>
    </message>
    <message>
        <source>Where in the image will the evidence for Sneaker lie at the first block? At the last? Where does it settle?</source>
        <translation>在第一个块，“运动鞋”的证据会落在图像的哪里？在最后一个块呢？它在哪里定型？</translation>
    </message>
    <message>
        <source>Shattered gradients</source>
        <translation>破碎梯度</translation>
    </message>
    <message>
        <source>Walk a straight line through input space and follow the gradient: in ResNet-56 and plain-56, trained and freshly initialised (Balduzzi et al. 2017).</source>
        <translation>沿输入空间中的一条直线行走并跟踪梯度：ResNet-56 与 plain-56，训练后与刚初始化（Balduzzi 等人，2017）。</translation>
    </message>
    <message>
        <source>The Shattered gradients view: the derivative of the top-1 logit along the line, trained networks above, fresh ones below, solid ResNet and dashed plain. Beside each, its autocorrelation by lag: how many points along the line the derivative still resembles itself.</source>
        <translation>“破碎梯度”视图：top-1 logit 沿直线的导数，上方为训练后的网络，下方为刚初始化的网络，实线为 ResNet，虚线为普通网络。每张图旁边是按滞后的自相关：导数沿直线在多少个点内仍与自身相似。</translation>
    </message>
    <message>
        <source>Gradient descent trusts that the gradient here says something about the gradient a small step away. Which fresh network keeps that promise? What would training a network whose gradient is noise be like?</source>
        <translation>梯度下降相信此处的梯度能说明一小步之外的梯度。哪个刚初始化的网络信守了这个承诺？训练一个梯度是噪声的网络会是什么样子？</translation>
    </message>
    <message>
        <source>Watch the blocks</source>
        <translation>观察各个块</translation>
    </message>
    <message>
        <source>Ten products turn in front of ResNet-20, frame by frame: first about their vertical axis, then in the picture&apos;s plane. Every block&apos;s maps follow them live (Yosinski et al. 2015).</source>
        <translation>十件产品在 ResNet-20 面前逐帧转动：先绕竖直轴转动，再在画面平面内旋转。每个块的特征图都实时跟随它们变化（Yosinski 等 2015）。</translation>
    </message>
    <message>
        <source>The clip plays once as fast as the network goes, then Play (Space) shows it again at its own rate. Watch the predictions as a product turns edge-on or upside down, and the feature maps of layer2.0: which channels stay lit while the product turns, and which go dark? Pause, then step through the blocks (arrow keys) or frame by frame (.). With a camera (File ▸ Camera), hold up a shoe and turn it.</source>
        <translation>片段先以网络的最快速度播放一遍，然后“播放”（空格）按片段自身的速率再放一遍。观察产品转为侧立或倒置时的预测，以及 layer2.0 的特征图：产品转动时哪些通道一直亮着，哪些变暗？暂停后可逐块（方向键）或逐帧（.）查看。有摄像头时（文件 ▸ 摄像头），拿起一只鞋转动它。</translation>
    </message>
    <message>
        <source>At which angle does the prediction change, and to what? Does the first block&apos;s output change as much as the last block&apos;s when the product turns? What would the network need to see in training to name a product upside down?</source>
        <translation>预测在哪个角度发生变化，变成了什么？产品转动时，第一个块的输出和最后一个块的输出变化一样大吗？网络在训练中需要看到什么，才能认出倒置的产品？</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>there is nothing to export yet</source>
        <translation>还没有可导出的内容</translation>
    </message>
    <message>
        <source>Exported from ResLens</source>
        <translation>由 ResLens 导出</translation>
    </message>
    <message>
        <source>, photos cropped to their object</source>
        <translation>，照片已裁剪到物体</translation>
    </message>
    <message>
        <source>, inverted on light backgrounds</source>
        <translation>，浅色背景已反相</translation>
    </message>
    <message>
        <source>%1 (%2, shipped)</source>
        <translation>%1（%2，随附）</translation>
    </message>
    <message>
        <source>%1 (fresh weights)</source>
        <translation>%1（新初始化权重）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>residual F(x)</source>
        <translation>残差 F(x)</translation>
    </message>
    <message>
        <source>shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>%1 (bottleneck %2→%3→%3→%4): its convolutions hold %5 parameters; a basic block of two 3×3 convolutions at %4 channels would need 3·3·%4·%4·2 = %6 — %7 vs %6: %8x fewer.</source>
        <translation>%1（瓶颈结构 %2→%3→%3→%4）：其卷积共有 %5 个参数；在 %4 个通道上由两个 3×3 卷积构成的基本块需要 3·3·%4·%4·2 = %6 个——%7 对 %6：少 %8 倍。</translation>
    </message>
    <message>
        <source>%1 (basic %2→%3): 3·3·%2·%3 + 3·3·%3·%3 = %4 convolution parameters; a bottleneck of the same output width (1×1 to %5, 3×3, 1×1 back) would need %6.</source>
        <translation>%1（基本块 %2→%3）：3·3·%2·%3 + 3·3·%3·%3 = %4 个卷积参数；输出宽度相同的瓶颈结构（1×1 降到 %5，3×3，再 1×1 升回）需要 %6 个。</translation>
    </message>
    <message>
        <source>there is no training data yet</source>
        <translation>还没有训练数据</translation>
    </message>
</context>
<context>
    <name>SettingsRepair</name>
    <message>
        <source>threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>crop to the object</source>
        <translation>裁剪到物体</translation>
    </message>
    <message>
        <source>TorchScript warning</source>
        <translation>TorchScript 警告</translation>
    </message>
    <message>
        <source>presenter mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>presenter contrast</source>
        <translation>演示对比度</translation>
    </message>
    <message>
        <source>presenter scale</source>
        <translation>演示缩放</translation>
    </message>
    <message>
        <source>start page</source>
        <translation>起始页</translation>
    </message>
    <message>
        <source>recent images</source>
        <translation>最近的图像</translation>
    </message>
    <message>
        <source>feature-map options</source>
        <translation>特征图选项</translation>
    </message>
    <message>
        <source>window layout</source>
        <translation>窗口布局</translation>
    </message>
    <message>
        <source>Your settings could not be read: ResLens started with its defaults (the damaged file is kept as %1).</source>
        <translation>无法读取您的设置：ResLens 已使用默认设置启动（损坏的文件保留为 %1）。</translation>
    </message>
    <message>
        <source>Some settings could not be read (%1): they are back to their defaults.</source>
        <translation>部分设置无法读取（%1）：已恢复为默认值。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Look inside a residual network: drop an image, step through the blocks.</source>
        <translation>透视残差网络：拖入一张图像，逐块查看。</translation>
    </message>
    <message>
        <source>An image to classify at start-up.</source>
        <translation>启动时要分类的图像。</translation>
    </message>
    <message>
        <source>A ResLens model file, or a shipped model: %1.</source>
        <translation>ResLens 模型文件，或随附模型：%1。</translation>
    </message>
    <message>
        <source>A torchvision ResNet saved as TorchScript (or a state dict) to import.</source>
        <translation>要导入的 torchvision ResNet，保存为 TorchScript（或 state dict）。</translation>
    </message>
    <message>
        <source>Build this architecture with fresh weights (resnet50, plain56, ...).</source>
        <translation>用随机初始化的权重构建该结构（resnet50、plain56 等）。</translation>
    </message>
    <message>
        <source>cpu or cuda[:N].</source>
        <translation>cpu 或 cuda[:N]。</translation>
    </message>
    <message>
        <source>CPU threads for LibTorch.</source>
        <translation>LibTorch 的 CPU 线程数。</translation>
    </message>
    <message>
        <source>Select this navigator entry at start-up (0 stem, 1 the first block, ...).</source>
        <translation>启动时选中块列表中的这一项（0 为主干，1 为第一个块，……）。</translation>
    </message>
    <message>
        <source>Show Grad-CAM (the top-1 class) in the feature panel at start-up.</source>
        <translation>启动时在特征图面板中显示 Grad-CAM（Top-1 类别）。</translation>
    </message>
    <message>
        <source>Open the training lab and train this architecture against its plain twin.</source>
        <translation>打开训练实验室，将该结构与其普通（无跳连）孪生网络对比训练。</translation>
    </message>
    <message>
        <source>Steps of the --lab run (default 300).</source>
        <translation>--lab 训练的步数（默认 300）。</translation>
    </message>
    <message>
        <source>Open the lesion study and run it for the model and its shipped twin.</source>
        <translation>打开消融实验，对该模型及其随附的孪生网络运行。</translation>
    </message>
    <message>
        <source>Open the loss landscape and slice the model and its shipped twin: N points per axis (1-D), or NxN with --landscape-2d.</source>
        <translation>打开损失地形，对该模型及其随附的孪生网络做切片：每轴 N 个点（一维），或配合 --landscape-2d 取 NxN。</translation>
    </message>
    <message>
        <source>With --landscape: a 2-D slice.</source>
        <translation>配合 --landscape：二维切片。</translation>
    </message>
    <message>
        <source>With --landscape: images of the training split (default 2000).</source>
        <translation>配合 --landscape：训练集中使用的图像数（默认 2000）。</translation>
    </message>
    <message>
        <source>Open a saved lab run (or a reslens-cli compare folder) in the lab.</source>
        <translation>在训练实验室中打开保存的训练记录（或 reslens-cli compare 文件夹）。</translation>
    </message>
    <message>
        <source>Start in presenter mode (full screen, scaled, high-contrast charts).</source>
        <translation>以演示模式启动（全屏、放大、高对比度图表）。</translation>
    </message>
    <message>
        <source>Presenter mode&apos;s scale in percent: 125, 150, 175 or 200.</source>
        <translation>演示模式的缩放百分比：125、150、175 或 200。</translation>
    </message>
    <message>
        <source>Save a PNG of the window once it has drawn, then quit (for docs); with --landscape, the slices&apos; CSV beside it.</source>
        <translation>窗口绘制完成后保存为 PNG 并退出（用于文档）；配合 --landscape 时在旁边另存切片的 CSV。</translation>
    </message>
    <message>
        <source>Batch size of the --lab run (default 64; the learning rate is 0.1 × batch / 128).</source>
        <translation>--lab 训练的批大小（默认 64；学习率为 0.1 × 批大小 / 128）。</translation>
    </message>
    <message>
        <source>Start a lesson: %1. With --screenshot, the shot is taken once the lesson shows its first result and the app quits when the lesson has measured everything.</source>
        <translation>开始一节课：%1。与 --screenshot 同用时，在课程显示出第一个结果时截图，课程全部测完后退出。</translation>
    </message>
    <message>
        <source>Print how long after launch the first image was classified and drawn, then quit (tests/bench/cold_start.py).</source>
        <translation>打印启动后多久第一张图像完成分类并绘制出来，然后退出（tests/bench/cold_start.py）。</translation>
    </message>
    <message>
        <source>Play a video through the explorer (File ▸ Open video). With --screenshot, the shot is taken when it has played to its end.</source>
        <translation>在浏览器中播放一个视频（文件 ▸ 打开视频）。与 --screenshot 一起使用时，在视频播放到结尾时截图。</translation>
    </message>
</context>
<context>
    <name>reslens::BlockListWidget</name>
    <message>
        <source>Block</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>旁路</translation>
    </message>
    <message>
        <source>Bypass F(x): the block passes its shortcut on alone (a lesion, Veit et al. 2016). Key: B</source>
        <translation>旁路 F(x)：该块只传递捷径分支（即删除该块，Veit 等 2016）。快捷键：B</translation>
    </message>
    <message>
        <source>basic</source>
        <translation>基本块</translation>
    </message>
    <message>
        <source>bottleneck</source>
        <translation>瓶颈结构</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等映射</translation>
    </message>
    <message>
        <source>zero-pad</source>
        <translation>零填充</translation>
    </message>
    <message>
        <source>projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Bypass F(x) of %1</source>
        <translation>旁路 %1 的 F(x)</translation>
    </message>
    <message>
        <source>Restore every block</source>
        <translation>恢复所有块</translation>
    </message>
    <message>
        <source>stem (conv1)</source>
        <translation>主干（conv1）</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>convolutions %1, batch norm %2, shortcut %3</source>
        <translation>卷积 %1，批归一化 %2，捷径 %3</translation>
    </message>
    <message>
        <source>Bypass F(x): %1 passes its shortcut on alone</source>
        <translation>旁路 F(x)：%1 只传递捷径分支</translation>
    </message>
    <message>
        <source>pool + fc</source>
        <translation>池化 + 全连接</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Mult-adds</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>Multiply-adds at the model&apos;s input size</source>
        <translation>模型输入尺寸下的乘加运算次数</translation>
    </message>
</context>
<context>
    <name>reslens::BypassBar</name>
    <message>
        <source>Restore all</source>
        <translation>全部恢复</translation>
    </message>
    <message>
        <source>Bypass no block: the network as it was trained</source>
        <translation>不旁路任何块：即训练好的原网络</translation>
    </message>
    <message>
        <source>1 block bypassed: %1</source>
        <translation>已旁路 1 个块：%1</translation>
    </message>
    <message>
        <source>%1 blocks bypassed: %2</source>
        <translation>已旁路 %1 个块：%2</translation>
    </message>
</context>
<context>
    <name>reslens::CameraSource</name>
    <message>
        <source>No camera found: none is connected, or the system gives this user none (is it in the &apos;video&apos; group?)</source>
        <translation>未找到摄像头：没有连接摄像头，或系统没有给当前用户任何摄像头（该用户是否在 &apos;video&apos; 组中？）</translation>
    </message>
    <message>
        <source>That camera is no longer connected.</source>
        <translation>该摄像头已不再连接。</translation>
    </message>
    <message>
        <source>The camera %1 stopped: %2</source>
        <translation>摄像头 %1 已停止：%2</translation>
    </message>
    <message>
        <source>The camera %1 cannot be used: %2</source>
        <translation>无法使用摄像头 %1：%2</translation>
    </message>
    <message>
        <source>The camera %1 was unplugged; the last frame stays on screen.</source>
        <translation>摄像头 %1 已拔出；最后一帧保留在屏幕上。</translation>
    </message>
</context>
<context>
    <name>reslens::CkaHeatmap</name>
    <message>
        <source>No similarity measured yet</source>
        <translation>尚未测量相似度</translation>
    </message>
    <message>
        <source>%1 · linear CKA over %2 images</source>
        <translation>%1 · 基于 %2 张图像的线性 CKA</translation>
    </message>
</context>
<context>
    <name>reslens::DepthProfileChart</name>
    <message>
        <source>block (input side → output side)</source>
        <translation>残差块（输入端 → 输出端）</translation>
    </message>
    <message>
        <source>gradient norm (log)</source>
        <translation>梯度范数（对数）</translation>
    </message>
    <message>
        <source>Gradient norm against depth at step %1</source>
        <translation>第 %1 步各深度的梯度范数</translation>
    </message>
    <message>
        <source>%1, step 1</source>
        <translation>%1，第 1 步</translation>
    </message>
    <message>
        <source>Gradient norm against depth, now (dashed: step 1)</source>
        <translation>当前各深度的梯度范数（虚线：第 1 步）</translation>
    </message>
</context>
<context>
    <name>reslens::DropZone</name>
    <message>
        <source>Drop an image here
or paste one (Ctrl+V)</source>
        <translation>把图像拖到这里
或粘贴一张（Ctrl+V）</translation>
    </message>
    <message>
        <source>Drop an image file, or paste an image, to classify it</source>
        <translation>拖入图像文件或粘贴图像以进行分类</translation>
    </message>
</context>
<context>
    <name>reslens::ExplorerController</name>
    <message>
        <source>Cannot open the model: %1</source>
        <translation>无法打开模型：%1</translation>
    </message>
    <message>
        <source>Cannot bypass: %1</source>
        <translation>无法旁路：%1</translation>
    </message>
    <message>
        <source>Cannot trace Grad-CAM: %1</source>
        <translation>无法逐块计算 Grad-CAM：%1</translation>
    </message>
    <message>
        <source>Cannot use that device: %1</source>
        <translation>无法使用该设备：%1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Classifying %1…</source>
        <translation>正在分类 %1…</translation>
    </message>
    <message>
        <source>Classifying the pasted image…</source>
        <translation>正在分类粘贴的图像…</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
    <message>
        <source>%1×%2 %3</source>
        <translation>%1×%2 %3</translation>
    </message>
    <message>
        <source>gray</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>, cropped to the object</source>
        <translation>，已裁剪到物体</translation>
    </message>
    <message>
        <source>, inverted (light background)</source>
        <translation>，已反相（浅色背景）</translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation>%1：%2 毫秒</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>ResLens magnitudes</source>
        <translation>ResLens 幅值</translation>
    </message>
</context>
<context>
    <name>reslens::FeatureGridView</name>
    <message>
        <source>No feature maps yet</source>
        <translation>还没有特征图</translation>
    </message>
    <message>
        <source>channel %1
mean %2
std %3
min %4
max %5</source>
        <translation>通道 %1
均值 %2
标准差 %3
最小值 %4
最大值 %5</translation>
    </message>
</context>
<context>
    <name>reslens::FeatureMapPanel</name>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Strongest first</source>
        <translation>最强的在前</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Overlay on input</source>
        <translation>叠加到输入上</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Residual F(x)</source>
        <translation>残差 F(x)</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Which tensor of the block to show (Ctrl+1 … Ctrl+4), or Grad-CAM (Ctrl+5): where in the image the evidence for a class lies at this block (Selvaraju et al. 2017)</source>
        <translation>显示该块的哪个张量（Ctrl+1 … Ctrl+4），或 Grad-CAM（Ctrl+5）：在这个块上，某一类别的证据位于图像的何处（Selvaraju 等 2017）</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>The class whose evidence to show; clicking a prediction chooses it too</source>
        <translation>要显示证据的类别；点击一个预测结果也可以选择</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <source>Gray</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>带符号</translation>
    </message>
    <message>
        <source>Signed: blue negative, white zero, red positive — the sign of F(x) at a glance</source>
        <translation>带符号：蓝色为负，白色为零，红色为正——一眼看出 F(x) 的符号</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Per channel: each tile uses the whole colormap (shapes).
Shared: one range for all tiles (magnitudes compare).</source>
        <translation>逐通道：每个小图使用完整色标（看形状）。
共享：所有小图使用同一范围（比较大小）。</translation>
    </message>
    <message>
        <source>Order channels by mean activation, strongest first</source>
        <translation>按平均激活排序通道，最强的在前</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+wheel over the grid)</source>
        <translation>缩放（在网格上 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Click a channel</source>
        <translation>点击一个通道</translation>
    </message>
    <message>
        <source>Lay the channel over the image the network received</source>
        <translation>把该通道叠加到网络收到的图像上</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>张量：</translation>
    </message>
    <message>
        <source>Colormap:</source>
        <translation>色标：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Zoom so that the whole grid is visible</source>
        <translation>缩放到能看到整个网格</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>: mean %1, std %2, range [%3, %4]</source>
        <translation>：均值 %1，标准差 %2，范围 [%3, %4]</translation>
    </message>
</context>
<context>
    <name>reslens::GradientHistoryChart</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>gradient norm (log)</source>
        <translation>梯度范数（对数）</translation>
    </message>
    <message>
        <source>%1: per-block gradient norms (shallow = violet, deep = yellow)</source>
        <translation>%1：各残差块的梯度范数（浅层 = 紫色，深层 = 黄色）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>reslens::GradientLineView</name>
    <message>
        <source>Walk the line</source>
        <translation>沿直线行走</translation>
    </message>
    <message>
        <source>Follow the derivative of the top-1 logit along a line through input space, for the model and its twin, trained and freshly initialised</source>
        <translation>沿输入空间中的一条直线跟踪 top-1 logit 的导数：模型及其孪生网络，训练后与刚初始化的各一份</translation>
    </message>
    <message>
        <source>the explorer&apos;s image</source>
        <translation>浏览器中的图像</translation>
    </message>
    <message>
        <source>Depth sweep</source>
        <translation>深度扫描</translation>
    </message>
    <message>
        <source>Trained: derivative along the line</source>
        <translation>训练后：沿直线的导数</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>Trained: autocorrelation</source>
        <translation>训练后：自相关</translation>
    </message>
    <message>
        <source>lag (points)</source>
        <translation>滞后（点数）</translation>
    </message>
    <message>
        <source>autocorrelation</source>
        <translation>自相关</translation>
    </message>
    <message>
        <source>Fresh: derivative along the line</source>
        <translation>刚初始化：沿直线的导数</translation>
    </message>
    <message>
        <source>Fresh: autocorrelation</source>
        <translation>刚初始化：自相关</translation>
    </message>
    <message>
        <source>Fresh networks by depth: autocorrelation</source>
        <translation>不同深度的刚初始化网络：自相关</translation>
    </message>
    <message>
        <source>Add a twin…</source>
        <translation>添加孪生网络…</translation>
    </message>
    <message>
        <source>Walk the same line with another model</source>
        <translation>用另一个模型走同一条直线</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>x0 is this data&apos;s test image; the fresh networks&apos; batch-norm statistics come from its training images</source>
        <translation>x0 取自此数据的测试图像；刚初始化网络的批归一化统计量来自其训练图像</translation>
    </message>
    <message>
        <source>Which test image is x0</source>
        <translation>哪张测试图像作为 x0</translation>
    </message>
    <message>
        <source>Start the line at the image the explorer shows</source>
        <translation>从浏览器所显示的图像出发</translation>
    </message>
    <message>
        <source>Points on t in [-1, 1]</source>
        <translation>t ∈ [-1, 1] 上的点数</translation>
    </message>
    <message>
        <source>Seed of the random direction, the fresh networks&apos; initialisation and the images their statistics come from</source>
        <translation>随机方向、刚初始化网络的初始化及其统计量所用图像的随机种子</translation>
    </message>
    <message>
        <source>Fresh resnet20/56/110 and plain20/56/110 on the same line</source>
        <translation>在同一直线上比较刚初始化的 resnet20/56/110 与 plain20/56/110</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Test image:</source>
        <translation>测试图像：</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>点数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Gradient line: %1</source>
        <translation>梯度直线：%1</translation>
    </message>
    <message>
        <source>the explorer&apos;s image (%1)</source>
        <translation>浏览器中的图像（%1）</translation>
    </message>
    <message>
        <source>fresh %1</source>
        <translation>刚初始化的 %1</translation>
    </message>
    <message>
        <source>%1: lag %2 trained, %3 fresh (of %4 points; x0 %5, direction %6%7)</source>
        <translation>%1：滞后 训练后 %2，刚初始化 %3（共 %4 点；x0 %5，方向 %6%7）</translation>
    </message>
    <message>
        <source>; cancelled</source>
        <translation>；已取消</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Fresh networks, lag by depth: %1</source>
        <translation>刚初始化网络按深度的滞后：%1</translation>
    </message>
    <message>
        <source>Lag: the first lag at which the derivative&apos;s autocorrelation falls below 0.5. Fresh networks&apos; batch-norm statistics: %1.</source>
        <translation>滞后：导数的自相关首次低于 0.5 时的滞后。刚初始化网络的批归一化统计量：%1。</translation>
    </message>
    <message>
        <source>ResLens gradient line</source>
        <translation>ResLens 梯度直线</translation>
    </message>
    <message>
        <source>cancelled: what ran is shown</source>
        <translation>已取消：显示已完成的部分</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>d/dt ÷ its largest |d/dt|</source>
        <translation>d/dt ÷ 其最大 |d/dt|</translation>
    </message>
    <message>
        <source>%1 (÷ %2)</source>
        <translation>%1（÷ %2）</translation>
    </message>
</context>
<context>
    <name>reslens::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>The file holds several sets of weights: which one to open</source>
        <translation>文件中有多组权重：选择要打开的一组</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>usual for the stem</source>
        <translation>按主干的惯例</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>3x3 max-pool, stride %1</source>
        <translation>3x3 最大池化，步幅 %1</translation>
    </message>
    <message>
        <source>A state dict cannot say whether the stem pools: torchvision&apos;s 7x7 stem does (stride 2), He et al.&apos;s 3x3 CIFAR stem does not</source>
        <translation>state dict 无法说明主干是否池化：torchvision 的 7x7 主干有池化（步幅 2），He 等人的 3x3 CIFAR 主干没有</translation>
    </message>
    <message>
        <source>Stem pooling:</source>
        <translation>主干池化：</translation>
    </message>
    <message>
        <source>half before, half after (F.pad)</source>
        <translation>前后各一半（F.pad）</translation>
    </message>
    <message>
        <source>after the input&apos;s channels</source>
        <translation>放在输入通道之后</translation>
    </message>
    <message>
        <source>Where option A&apos;s zero channels go when a stage widens</source>
        <translation>阶段变宽时，选项 A 补零通道的位置</translation>
    </message>
    <message>
        <source>Option A zeros:</source>
        <translation>选项 A 补零：</translation>
    </message>
    <message>
        <source>Input (height, width):</source>
        <translation>输入（高，宽）：</translation>
    </message>
    <message>
        <source>Normalize mean:</source>
        <translation>Normalize 均值：</translation>
    </message>
    <message>
        <source>Normalize std:</source>
        <translation>Normalize 标准差：</translation>
    </message>
    <message>
        <source>ImageNet names for 1000 classes, else numbered</source>
        <translation>1000 类时用 ImageNet 类名，否则编号</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>类名：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Class names, one per line</source>
        <translation>类名，每行一个</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>%1, weights: %2</source>
        <translation>%1，权重：%2</translation>
    </message>
    <message>
        <source>the file itself</source>
        <translation>文件本身</translation>
    </message>
    <message>
        <source>, prefix &apos;%1&apos; removed</source>
        <translation>，已去掉前缀“%1”</translation>
    </message>
    <message>
        <source>What the weights cannot say, taken as:</source>
        <translation>权重无法说明的部分，按如下假定：</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>reslens::InferenceWorker</name>
    <message>
        <source>Drop an image to see what each block does with it.</source>
        <translation>拖入一张图像，看看每个块对它做了什么。</translation>
    </message>
    <message>
        <source>stem output</source>
        <translation>主干输出</translation>
    </message>
    <message>
        <source>last block output, before average pooling</source>
        <translation>最后一个块的输出，平均池化之前</translation>
    </message>
    <message>
        <source>%1 has no shortcut: it is a block of a plain network.</source>
        <translation>%1 没有捷径连接：它是普通网络（无跳连）的一个块。</translation>
    </message>
    <message>
        <source>%1 is bypassed: F(x) is not computed, the block passes its shortcut on alone.</source>
        <translation>%1 已被旁路：不计算 F(x)，该块只传递捷径分支。</translation>
    </message>
    <message>
        <source>Cannot draw the feature maps: %1</source>
        <translation>无法绘制特征图：%1</translation>
    </message>
    <message>
        <source>Drop an image to see where the evidence for its class lies.</source>
        <translation>拖入一张图像，看看其类别的证据位于何处。</translation>
    </message>
    <message>
        <source>Grad-CAM · %1 · evidence for %2 (%3%) · %4×%5</source>
        <translation>Grad-CAM · %1 · %2 的证据（%3%）· %4×%5</translation>
    </message>
    <message>
        <source>No positive evidence for %1 at %2: the weighted sum of the channels is at or below zero everywhere (Grad-CAM keeps only what speaks for the class).</source>
        <translation>%2 处没有支持 %1 的正向证据：各通道的加权和处处小于等于零（Grad-CAM 只保留支持该类别的部分）。</translation>
    </message>
    <message>
        <source>no image has been classified yet</source>
        <translation>尚未分类任何图像</translation>
    </message>
</context>
<context>
    <name>reslens::InputPanel</name>
    <message>
        <source>Crop to object</source>
        <translation>裁剪到物体</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Choose an image file (Ctrl+O)</source>
        <translation>选择图像文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>The pixels the network receives, before normalisation</source>
        <translation>网络收到的像素（归一化之前）</translation>
    </message>
    <message>
        <source>Find the object in a photo and give the network just that, centred, as Fashion-MNIST&apos;s products were prepared. Off: the whole frame, squeezed to the input size.</source>
        <translation>在照片中找到物体，只把它居中交给网络，与 Fashion-MNIST 商品图的制作方式相同。关闭：使用整幅画面，缩放到输入尺寸。</translation>
    </message>
    <message>
        <source>Samples from the Fashion-MNIST test split, then photos made from other test images: click to classify</source>
        <translation>来自 Fashion-MNIST 测试集的样本，以及由其他测试图像制作的照片：点击即可分类</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the network sees&lt;/b&gt;</source>
        <translation>&lt;b&gt;网络看到的图像&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Samples&lt;/b&gt;</source>
        <translation>&lt;b&gt;样本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>reslens::InstrumentsPage</name>
    <message>
        <source>Shattered gradients</source>
        <translation>破碎梯度</translation>
    </message>
    <message>
        <source>Block similarity</source>
        <translation>块相似度</translation>
    </message>
    <message>
        <source>Linear probes</source>
        <translation>线性探针</translation>
    </message>
</context>
<context>
    <name>reslens::LandscapeMap</name>
    <message>
        <source>α from %1 to %2 →, β upwards</source>
        <translation>α 从 %1 到 %2 →，β 向上</translation>
    </message>
    <message>
        <source>× the trained network: loss %1</source>
        <translation>× 训练好的网络：损失 %1</translation>
    </message>
</context>
<context>
    <name>reslens::LandscapeView</name>
    <message>
        <source>2-D</source>
        <translation>二维</translation>
    </message>
    <message>
        <source>Run with its twin</source>
        <translation>与孪生网络一起运行</translation>
    </message>
    <message>
        <source>The first N images of the split, without augmentation</source>
        <translation>该数据划分的前 N 张图像，不做数据增强</translation>
    </message>
    <message>
        <source>Points per axis; odd, so that the trained network is one</source>
        <translation>每个轴上的点数；取奇数，使训练好的网络恰为其中一点</translation>
    </message>
    <message>
        <source>Coefficients from -R to R along each filter-normalised direction</source>
        <translation>沿每个滤波器归一化方向的系数，从 -R 到 R</translation>
    </message>
    <message>
        <source>A 2-D slice: points × points evaluations per model</source>
        <translation>二维切片：每个模型评估 点数 × 点数 次</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Loss along a random filter-normalised direction (Li et al. 2018)</source>
        <translation>沿随机滤波器归一化方向的损失（Li 等 2018）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>model %1 of %2: point %3 of %4, about %5 left</source>
        <translation>第 %1 个模型（共 %2 个）：第 %3 个点（共 %4 个），约剩 %5</translation>
    </message>
    <message>
        <source>Loss landscape: %1</source>
        <translation>损失地形：%1</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 个模型</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 个模型</translation>
    </message>
    <message>
        <source> × %1 points × %2 images</source>
        <translation> × %1 个点 × %2 张图像</translation>
    </message>
    <message>
        <source>%1: timing the models…</source>
        <translation>%1：正在测量模型耗时…</translation>
    </message>
    <message>
        <source>%1: about %2</source>
        <translation>%1：约 %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>α (along the direction)</source>
        <translation>α（沿该方向）</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <source>ResLens loss landscape</source>
        <translation>ResLens 损失地形</translation>
    </message>
    <message>
        <source>Slice the loaded model and, for a shipped model, its twin</source>
        <translation>对当前模型做切片；随附模型还包括其孪生网络</translation>
    </message>
</context>
<context>
    <name>reslens::LesionBlockChart</name>
    <message>
        <source>Accuracy with one block bypassed (dashed: no block bypassed)</source>
        <translation>旁路单个块后的准确率（虚线：不旁路任何块）</translation>
    </message>
    <message>
        <source>bypassed block: layer S.I (↓ downsampling)</source>
        <translation>被旁路的块：layer S.I（↓ 下采样）</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>%1, every block</source>
        <translation>%1，全部块</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机猜测</translation>
    </message>
</context>
<context>
    <name>reslens::LesionDepthChart</name>
    <message>
        <source>Accuracy with k random blocks bypassed</source>
        <translation>随机旁路 k 个块后的准确率</translation>
    </message>
    <message>
        <source>blocks bypassed, k</source>
        <translation>被旁路的块数 k</translation>
    </message>
    <message>
        <source>mean test accuracy</source>
        <translation>平均测试准确率</translation>
    </message>
    <message>
        <source>± 1 std</source>
        <translation>± 1 个标准差</translation>
    </message>
</context>
<context>
    <name>reslens::LesionView</name>
    <message>
        <source>Run the study</source>
        <translation>运行实验</translation>
    </message>
    <message>
        <source>Add its twin</source>
        <translation>加入孪生网络</translation>
    </message>
    <message>
        <source>The data to measure on, as reslens-cli&apos;s --data: fashion-mnist, cifar10:DIR, folder:DIR (its test split unless it names one)</source>
        <translation>用于测量的数据，写法同 reslens-cli 的 --data：fashion-mnist、cifar10:DIR、folder:DIR（未指定划分时使用测试集）</translation>
    </message>
    <message>
        <source>Also bypass k = 1..K random blocks at once (0: none)</source>
        <translation>另外同时随机旁路 k = 1..K 个块（0：不做）</translation>
    </message>
    <message>
        <source>Random draws per k</source>
        <translation>每个 k 的随机抽取次数</translation>
    </message>
    <message>
        <source>Bypass each block of the loaded model in turn, then k random ones</source>
        <translation>依次旁路已加载模型的每个块，再随机旁路 k 个块</translation>
    </message>
    <message>
        <source>Run the same study on the model&apos;s twin, or on any model file, and show both side by side</source>
        <translation>对该模型的孪生网络或任意模型文件做同样的实验，并排显示</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Random k up to</source>
        <translation>随机 k 最多到</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>次试验</translation>
    </message>
    <message>
        <source>Lesion study: %1</source>
        <translation>消融实验：%1</translation>
    </message>
    <message>
        <source>cancelled: what ran is shown</source>
        <translation>已取消：显示已完成的部分</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>%1 on %2 (%7 images): %3% with every block; one block bypassed: %4%–%5%, median %6%</source>
        <translation>%1 在 %2 上（%7 张图像）：全部块时 %3%；旁路单个块：%4%–%5%，中位数 %6%</translation>
    </message>
    <message>
        <source>ResLens lesion study</source>
        <translation>ResLens 消融实验</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Study the first N images of the data (all: every image)</source>
        <translation>只研究数据中的前 N 张图像（全部：每一张）</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
</context>
<context>
    <name>reslens::LessonDirector</name>
    <message>
        <source>A run is in progress: stop it, or let it finish, before starting a lesson.</source>
        <translation>有任务正在运行：请先停止它或等它结束，再开始课程。</translation>
    </message>
    <message>
        <source>The lesson needs the paired run: run it again with compare on.</source>
        <translation>本课需要对照训练：请勾选对照后重新运行。</translation>
    </message>
    <message>
        <source>This network has no bottleneck block layer1.1.</source>
        <translation>这个网络没有名为 layer1.1 的瓶颈块。</translation>
    </message>
    <message>
        <source>The study failed: %1</source>
        <translation>实验失败：%1</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>The landscape failed: %1</source>
        <translation>损失地形计算失败：%1</translation>
    </message>
    <message>
        <source>The other seeds could not be measured: %1</source>
        <translation>其他种子无法测量：%1</translation>
    </message>
    <message>
        <source>This run (seed %1), at step 1:</source>
        <translation>本次运行（种子 %1），第 1 步：</translation>
    </message>
    <message>
        <source>The gradient line failed: %1</source>
        <translation>梯度直线失败：%1</translation>
    </message>
    <message>
        <source>The lesson&apos;s clip cannot be played: %1</source>
        <translation>无法播放本课的片段：%1</translation>
    </message>
    <message>
        <source>The clip stopped: %1</source>
        <translation>片段已停止：%1</translation>
    </message>
</context>
<context>
    <name>reslens::LessonGuide</name>
    <message>
        <source>Run again</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <source>End lesson</source>
        <translation>结束课程</translation>
    </message>
    <message>
        <source>Set the lesson up again and measure anew</source>
        <translation>重新设置本课并重新测量</translation>
    </message>
    <message>
        <source>Close the guide; a run the lesson started goes on</source>
        <translation>关闭课程指南；课程启动的训练会继续运行</translation>
    </message>
    <message>
        <source>Look at</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>Ask the class</source>
        <translation>向学生提问</translation>
    </message>
    <message>
        <source>Measured here</source>
        <translation>本机测量结果</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>Measured in %1 s on this machine.</source>
        <translation>在本机上测量用时 %1 秒。</translation>
    </message>
    <message>
        <source>Measured in under a second on this machine.</source>
        <translation>在本机上测量用时不到一秒。</translation>
    </message>
    <message>
        <source>1 run (quick)</source>
        <translation>1 次运行（快速）</translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation>%1 个种子</translation>
    </message>
    <message>
        <source>How many seeds the lesson measures: each number is their median and range, and a sentence that compares is said only when every seed agrees</source>
        <translation>本课测量多少个种子：每个数字是它们的中位数和范围，只有所有种子一致时才给出比较性的结论</translation>
    </message>
    <message>
        <source>Measuring seeds %1: the first here, the others beside it.</source>
        <translation>正在测量种子 %1：第一个在这里显示，其余的同时在后台运行。</translation>
    </message>
    <message>
        <source>Measuring one run (seed %1).</source>
        <translation>正在测量一次运行（种子 %1）。</translation>
    </message>
    <message>
        <source>About %1 min on the reference machine.</source>
        <translation>在参考机器上约需 %1 分钟。</translation>
    </message>
    <message>
        <source>Other seeds: %1</source>
        <translation>其他种子：%1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>This run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <source>%1 seeds here</source>
        <translation>本机 %1 个种子</translation>
    </message>
    <message>
        <source>Measured on the reference machine</source>
        <translation>在参考机器上测得</translation>
    </message>
    <message>
        <source>Reference: %1.</source>
        <translation>参考：%1。</translation>
    </message>
    <message>
        <source>Reference: seeds %1; %2.</source>
        <translation>参考：种子 %1；%2。</translation>
    </message>
    <message>
        <source>Handout…</source>
        <translation>讲义…</translation>
    </message>
    <message>
        <source>Save this lesson&apos;s result as one page (PDF or PNG) for students</source>
        <translation>把本课的结果保存为一页（PDF 或 PNG），发给学生</translation>
    </message>
    <message>
        <source>Save the handout</source>
        <translation>保存讲义</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>讲义</translation>
    </message>
    <message>
        <source>The lesson has not measured yet.</source>
        <translation>本课还没有测完。</translation>
    </message>
    <message>
        <source>Measured on this machine.</source>
        <translation>在本机上测得。</translation>
    </message>
    <message>
        <source>Measured over seeds %1 on this machine.</source>
        <translation>在本机上用种子 %1 测得。</translation>
    </message>
</context>
<context>
    <name>reslens::LessonsPage</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Each lesson sets the app up for one point in one click and says what to look at and what to ask the class. Its numbers are measured while it runs, on this machine, over several seeds, beside the reference machine&apos;s. Lessons ▸ End lesson, or the guide&apos;s button, closes it.</source>
        <translation>每节课一键把应用设置好，讲清一个要点，并说明看什么、问全班什么。课中的数字在运行时于本机上用多个种子测得，并与参考机器的结果并列。课程 ▸ 结束课程，或指南中的按钮，可关闭它。</translation>
    </message>
    <message>
        <source>(about %1 min)</source>
        <translation>（约 %1 分钟）</translation>
    </message>
    <message>
        <source>(under a minute)</source>
        <translation>（不到一分钟）</translation>
    </message>
</context>
<context>
    <name>reslens::LiveBar</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Stop live input</source>
        <translation>停止实时输入</translation>
    </message>
    <message>
        <source>As fast as the network</source>
        <translation>按网络的最快速度</translation>
    </message>
    <message>
        <source>Save the frame on screen as PNG in the pictures folder (%1)</source>
        <translation>将屏幕上的帧以 PNG 保存到图片文件夹（%1）</translation>
    </message>
    <message>
        <source>Pause and show the next frame (%1); the block list steps through the frame on screen</source>
        <translation>暂停并显示下一帧（%1）；块列表可逐块查看屏幕上的帧</translation>
    </message>
    <message>
        <source>Every frame, each as soon as the network is done with the last (none dropped); off, the video plays at its own rate and frames the network has no time for are dropped</source>
        <translation>每一帧都处理，网络处理完上一帧就立即处理下一帧（不丢帧）；关闭时视频按自身速率播放，网络来不及处理的帧会被丢弃</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>视频中的位置</translation>
    </message>
    <message>
        <source>Mean time of each stage over the last frames: decode, prepare (crop, resize, normalise), forward with the block probes, render (the selected block&apos;s feature maps), show (the window&apos;s panels)</source>
        <translation>最近若干帧中每个阶段的平均时间：解码、准备（裁剪、缩放、归一化）、带块探针的前向传播、渲染（所选块的特征图）、显示（窗口的面板）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>%1 (%2); paused, the frame on screen is a still image</source>
        <translation>%1（%2）；暂停时，屏幕上的帧就是一张静态图像</translation>
    </message>
    <message>
        <source>%1 frames/s · %2 ms a frame · %3 dropped</source>
        <translation>%1 帧/秒 · 每帧 %2 毫秒 · 丢弃 %3 帧</translation>
    </message>
    <message>
        <source>decode %1 · prepare %2 · forward %3 · render %4 · show %5 ms</source>
        <translation>解码 %1 · 准备 %2 · 前向 %3 · 渲染 %4 · 显示 %5 毫秒</translation>
    </message>
    <message>
        <source>%1 · frame %2</source>
        <translation>%1 · 第 %2 帧</translation>
    </message>
    <message>
        <source>%1 · frame %2 of %3</source>
        <translation>%1 · 第 %2 帧（共 %3 帧）</translation>
    </message>
</context>
<context>
    <name>reslens::LiveController</name>
    <message>
        <source>%1 · frame %2</source>
        <translation>%1 · 第 %2 帧</translation>
    </message>
    <message>
        <source>No frame to save yet.</source>
        <translation>还没有可保存的帧。</translation>
    </message>
    <message>
        <source>The snapshot was not saved: %1</source>
        <translation>快照未保存：%1</translation>
    </message>
</context>
<context>
    <name>reslens::LossChart</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>%1 accuracy</source>
        <translation>%1 准确率</translation>
    </message>
    <message>
        <source>Loss (dark) and batch accuracy (light)</source>
        <translation>损失（深色）与批次准确率（浅色）</translation>
    </message>
</context>
<context>
    <name>reslens::MagnitudeChart</name>
    <message>
        <source>Residual branch against shortcut, block by block</source>
        <translation>逐块比较残差分支与捷径</translation>
    </message>
    <message>
        <source>‖F(x)‖</source>
        <translation>‖F(x)‖</translation>
    </message>
    <message>
        <source>‖shortcut‖</source>
        <translation>‖捷径‖</translation>
    </message>
    <message>
        <source>‖F(x)‖ / ‖shortcut‖ (right axis)</source>
        <translation>‖F(x)‖ / ‖捷径‖（右轴）</translation>
    </message>
    <message>
        <source>selected block</source>
        <translation>选中的块</translation>
    </message>
    <message>
        <source>block</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2 范数</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
</context>
<context>
    <name>reslens::MainToolbar</name>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>◀ Previous block</source>
        <translation>◀ 上一个块</translation>
    </message>
    <message>
        <source>Previous block (Alt+Up; Up/PgUp in the block list)</source>
        <translation>上一个块（Alt+上；在块列表中按 上/PgUp）</translation>
    </message>
    <message>
        <source>Next block ▶</source>
        <translation>下一个块 ▶</translation>
    </message>
    <message>
        <source>Next block (Alt+Down; Down/PgDn in the block list)</source>
        <translation>下一个块（Alt+下；在块列表中按 下/PgDn）</translation>
    </message>
    <message>
        <source> Device: </source>
        <translation> 设备：</translation>
    </message>
    <message>
        <source>CUDA (unavailable)</source>
        <translation>CUDA（不可用）</translation>
    </message>
    <message>
        <source>CUDA: %1</source>
        <translation>CUDA：%1</translation>
    </message>
    <message>
        <source> CPU threads: </source>
        <translation> CPU 线程：</translation>
    </message>
    <message>
        <source>Threads LibTorch uses on the CPU. While the training lab runs, a change waits and applies after its run.</source>
        <translation>LibTorch 在 CPU 上使用的线程数。训练实验室运行期间修改，将在本次训练结束后生效。</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) from the next run on: the run in progress keeps its threads.</source>
        <translation>
            <numerusform>从下一次运行起使用 %n 个线程：正在进行的运行保持原线程数。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reslens::MainWindow</name>
    <message>
        <source>ResLens</source>
        <translation>ResLens</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Training lab</source>
        <translation>训练实验室</translation>
    </message>
    <message>
        <source>Lesion study</source>
        <translation>消融实验</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>Magnitudes</source>
        <translation>幅值</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Running on %1 from the next request; the run in progress stays where it started.</source>
        <translation>从下一个请求起在 %1 上运行；正在进行的运行留在原设备上。</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>在 %1 上运行</translation>
    </message>
    <message>
        <source>ResLens — %1</source>
        <translation>ResLens — %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 classes</source>
        <translation>%1 · %2 · %3 个类别</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>window layout</source>
        <translation>窗口布局</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>测量仪器</translation>
    </message>
    <message>
        <source>Snapshot saved to %1</source>
        <translation>快照已保存到 %1</translation>
    </message>
</context>
<context>
    <name>reslens::MessageBar</name>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>reslens::ModelOpener</name>
    <message>
        <source>Open ResLens model</source>
        <translation>打开 ResLens 模型</translation>
    </message>
    <message>
        <source>ResLens models (*.pt);;All files (*)</source>
        <translation>ResLens 模型 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import runs code from the file</source>
        <translation>导入会运行文件中的代码</translation>
    </message>
    <message>
        <source>Importing a TorchScript file runs code stored in it.</source>
        <translation>导入 TorchScript 文件会运行其中保存的代码。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Don&apos;t warn me again</source>
        <translation>不再提醒</translation>
    </message>
    <message>
        <source>Import your own ResNet</source>
        <translation>导入你自己的残差网络</translation>
    </message>
    <message>
        <source>PyTorch and safetensors files (*.pt *.pth *.th *.tar *.ckpt *.bin *.ts *.safetensors);;All files (*)</source>
        <translation>PyTorch 和 safetensors 文件 (*.pt *.pth *.th *.tar *.ckpt *.bin *.ts *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is neither a ResLens model, a PyTorch checkpoint, a safetensors file nor a TorchScript module.</source>
        <translation>%1 既不是 ResLens 模型、PyTorch 检查点、safetensors 文件，也不是 TorchScript 模块。</translation>
    </message>
    <message>
        <source>TorchScript modules carry their own methods, and loading one runs some of them (its __setstate__). ResLens loads the file in a separate process, which it stops if the file&apos;s code crashes, runs for more than a minute or takes too much memory; the code cannot reach Python, and ResLens keeps only the weights. Still, prefer files you trust: a checkpoint saved with torch.save, a safetensors file and ResLens model files hold data only and run nothing.</source>
        <translation>TorchScript 模块带有自己的方法，加载时会运行其中一部分（它的 __setstate__）。ResLens 在一个独立的进程中加载该文件：如果文件的代码崩溃、运行超过一分钟或占用过多内存，该进程会被终止；这些代码无法访问 Python，ResLens 只保留权重。尽管如此，仍请优先使用您信任的文件：用 torch.save 保存的检查点、safetensors 文件和 ResLens 模型文件只包含数据，不会运行任何代码。</translation>
    </message>
</context>
<context>
    <name>reslens::NewNetworkDialog</name>
    <message>
        <source>Skip connections</source>
        <translation>跳跃连接</translation>
    </message>
    <message>
        <source>Full pre-activation (He et al. 2016)</source>
        <translation>完全预激活（He 等 2016）</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>New network with fresh weights</source>
        <translation>新建随机初始化的网络</translation>
    </message>
    <message>
        <source>resnet18/34/50/101/152, resnetN for N = 6n+2, or plainN</source>
        <translation>resnet18/34/50/101/152，N = 6n+2 的 resnetN，或 plainN</translation>
    </message>
    <message>
        <source>A: zero-padding identity</source>
        <translation>A：零填充恒等映射</translation>
    </message>
    <message>
        <source>B: 1×1 projection + BN</source>
        <translation>B：1×1 投影 + 批归一化</translation>
    </message>
    <message>
        <source>3×3 (v1.5, torchvision)</source>
        <translation>3×3（v1.5，torchvision）</translation>
    </message>
    <message>
        <source>first 1×1 (v1, the paper)</source>
        <translation>第一个 1×1（v1，原论文）</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>网络结构：</translation>
    </message>
    <message>
        <source>Shortcut where the shape changes:</source>
        <translation>形状变化处的捷径：</translation>
    </message>
    <message>
        <source>Bottleneck stride on:</source>
        <translation>瓶颈结构的步长位于：</translation>
    </message>
    <message>
        <source>Input channels:</source>
        <translation>输入通道数：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>类别数：</translation>
    </message>
    <message>
        <source>Input height:</source>
        <translation>输入高度：</translation>
    </message>
    <message>
        <source>Input width:</source>
        <translation>输入宽度：</translation>
    </message>
</context>
<context>
    <name>reslens::ParameterTable</name>
    <message>
        <source>Block</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Conv</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>BN</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Shortcut params</source>
        <translation>捷径参数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>stem (conv1)</source>
        <translation>主干（conv1）</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1 合计</translation>
    </message>
    <message>
        <source>pool + fc</source>
        <translation>池化 + 全连接</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <source>model total</source>
        <translation>模型合计</translation>
    </message>
    <message>
        <source>%1: %2 parameters, %3 multiply-adds at %4×%5.</source>
        <translation>%1：%2 个参数，在 %4×%5 上 %3 次乘加运算。</translation>
    </message>
    <message>
        <source> All bottlenecks together: %1 convolution parameters where basic blocks would need %2 (%3x fewer).</source>
        <translation> 所有瓶颈结构合计：%1 个卷积参数，而基本块需要 %2 个（少 %3 倍）。</translation>
    </message>
</context>
<context>
    <name>reslens::PredictionBars</name>
    <message>
        <source>Click a class to see where its evidence lies (Grad-CAM)</source>
        <translation>点击一个类别，查看其证据位于何处（Grad-CAM）</translation>
    </message>
    <message>
        <source>No prediction yet</source>
        <translation>还没有预测</translation>
    </message>
</context>
<context>
    <name>reslens::PresenterMode</name>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, larger text and lines, high-contrast charts (F11)</source>
        <translation>全屏、更大的文字和线条、高对比度图表（F11）</translation>
    </message>
    <message>
        <source>Presenter &amp;scale</source>
        <translation>演示缩放比例(&amp;S)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>High-contrast charts in presenter mode</source>
        <translation>演示模式下使用高对比度图表</translation>
    </message>
</context>
<context>
    <name>reslens::ProbeView</name>
    <message>
        <source>Probe every block</source>
        <translation>探测每个块</translation>
    </message>
    <message>
        <source>Fit a linear classifier on each block&apos;s averaged output (training images) and score it on the test images, for the model and its twin</source>
        <translation>在每个块的平均输出上拟合线性分类器（训练图像），并在测试图像上评分：模型及其孪生网络</translation>
    </message>
    <message>
        <source>What each block already knows: linear probe accuracy</source>
        <translation>每个块已经知道什么：线性探针准确率</translation>
    </message>
    <message>
        <source>block (0 = the stem)</source>
        <translation>块（0 = 主干）</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Add a twin…</source>
        <translation>添加孪生网络…</translation>
    </message>
    <message>
        <source>Probe another model&apos;s blocks beside</source>
        <translation>在旁边探测另一个模型的块</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>The first N training images the probes are fitted on</source>
        <translation>用于拟合探针的前 N 张训练图像</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The first M test images they are scored on (all: the split)</source>
        <translation>用于评分的前 M 张测试图像（全部：整个划分）</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>训练图像：</translation>
    </message>
    <message>
        <source>Test images:</source>
        <translation>测试图像：</translation>
    </message>
    <message>
        <source>Probes: %1</source>
        <translation>探针：%1</translation>
    </message>
    <message>
        <source>%1: the network</source>
        <translation>%1：网络本身</translation>
    </message>
    <message>
        <source>%1: stem %2%, last block %3%, the network %4% (%5 training, %6 test images); half the way from the stem&apos;s to the network&apos;s accuracy at %7%8</source>
        <translation>%1：主干 %2%，最后一个块 %3%，网络 %4%（%5 张训练、%6 张测试图像）；从主干到网络准确率的一半位于 %7%8</translation>
    </message>
    <message>
        <source>no block</source>
        <translation>无块</translation>
    </message>
    <message>
        <source> (cancelled: the blocks probed so far)</source>
        <translation>（已取消：显示已探测的块）</translation>
    </message>
    <message>
        <source>ResLens linear probes</source>
        <translation>ResLens 线性探针</translation>
    </message>
    <message>
        <source>cancelled: what ran is shown</source>
        <translation>已取消：显示已完成的部分</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>the data&apos;s test split</source>
        <translation>数据的测试划分</translation>
    </message>
    <message>
        <source>Score the probes on other data, e.g. folder:DIR of test images beside a folder of training images</source>
        <translation>在其他数据上为探针评分，例如与训练图像文件夹并列的测试图像文件夹 folder:DIR</translation>
    </message>
    <message>
        <source>Test data:</source>
        <translation>测试数据：</translation>
    </message>
</context>
<context>
    <name>reslens::ResponseView</name>
    <message>
        <source>Measure on the gallery</source>
        <translation>在样本库上测量</translation>
    </message>
    <message>
        <source>Classify the 100 gallery samples with the loaded model, its twin and the other shipped pair, and average each block&apos;s std of F(x)</source>
        <translation>用已加载的模型、其孪生网络和另一对随附模型对样本库中的 100 个样本分类，并对每个块的 F(x) 标准差取平均</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Std of each block&apos;s response F(x) (He et al. 2015, Fig. 7)</source>
        <translation>每个块响应 F(x) 的标准差（He 等 2015，图 7）</translation>
    </message>
    <message>
        <source>Responses: %1</source>
        <translation>响应：%1</translation>
    </message>
    <message>
        <source>block (1 = the first after the stem)</source>
        <translation>残差块（1 = 主干之后的第一个）</translation>
    </message>
    <message>
        <source>std of F(x), mean over the gallery</source>
        <translation>F(x) 的标准差，样本库上的均值</translation>
    </message>
    <message>
        <source>%1: mean std of F(x) %2 over %3 blocks and %4 images</source>
        <translation>%1：%3 个块、%4 张图像上 F(x) 标准差的均值为 %2</translation>
    </message>
    <message>
        <source>ResLens responses</source>
        <translation>ResLens 响应</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>model %1 of %2</source>
        <translation>第 %1 个模型（共 %2 个）</translation>
    </message>
</context>
<context>
    <name>reslens::ShellMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图像(&amp;P)</translation>
    </message>
    <message>
        <source>Recent images</source>
        <translation>最近的图像</translation>
    </message>
    <message>
        <source>Open &amp;model file…</source>
        <translation>打开模型文件(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Import your own ResNet…</source>
        <translation>导入你自己的残差网络(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New network with fresh weights…</source>
        <translation>新建随机初始化的网络(&amp;N)…</translation>
    </message>
    <message>
        <source>Shipped models</source>
        <translation>随附模型</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Feature grid or Grad-CAM as PNG…</source>
        <translation>特征图网格或 Grad-CAM 导出为 PNG…</translation>
    </message>
    <message>
        <source>Export Grad-CAM</source>
        <translation>导出 Grad-CAM</translation>
    </message>
    <message>
        <source>Export feature grid</source>
        <translation>导出特征图网格</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Magnitude chart as PNG or SVG…</source>
        <translation>幅值图导出为 PNG 或 SVG…</translation>
    </message>
    <message>
        <source>Export magnitude chart</source>
        <translation>导出幅值图</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Statistics as CSV or JSON…</source>
        <translation>统计数据导出为 CSV 或 JSON…</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计数据</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Open lab &amp;run…</source>
        <translation>打开训练记录(&amp;R)…</translation>
    </message>
    <message>
        <source>A saved training-lab run, or a reslens-cli compare folder</source>
        <translation>保存的训练实验室记录，或 reslens-cli compare 的输出文件夹</translation>
    </message>
    <message>
        <source>Save lab r&amp;un…</source>
        <translation>保存训练记录(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Residual F(x)</source>
        <translation>残差 F(x)</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message>
        <source>Show Grad-CAM</source>
        <translation>显示 Grad-CAM</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Training lab</source>
        <translation>训练实验室</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Start page</source>
        <translation>开始页</translation>
    </message>
    <message>
        <source>End lesson</source>
        <translation>结束课程</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>键盘(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图像。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open &amp;video…</source>
        <translation>打开视频(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation>摄像头(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Live input</source>
        <translation>实时输入(&amp;L)</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.avi *.mkv *.webm *.ogv *.mpg *.mpeg *.wmv *.flv);;All files (*)</source>
        <translation>视频 (*.mp4 *.m4v *.mov *.avi *.mkv *.webm *.ogv *.mpg *.mpeg *.wmv *.flv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <source>Up/Down or Left/Right in the block list: previous/next block
PgUp/PgDn: previous/next stage · Home/End: stem/classifier
Alt+Up/Alt+Down: previous/next block from anywhere
Ctrl+1…4: input, F(x), shortcut, output · Ctrl+5: Grad-CAM
Click a prediction: Grad-CAM for that class
Ctrl+O: open image · Ctrl+V: paste image · Ctrl+Shift+O: open model
Ctrl+I: import your own ResNet · Ctrl+N: new network
Ctrl+E: export feature grid · Ctrl+Shift+E: export statistics
Ctrl+wheel over the grid: zoom
Ctrl+Alt+O: open video · live input: Space pause/play, . next frame, Ctrl+Shift+S snapshot</source>
        <translation>块列表中 上/下 或 左/右：上一个/下一个块
PgUp/PgDn：上一个/下一个阶段 · Home/End：主干/分类器
Alt+上/Alt+下：在任意位置切换上一个/下一个块
Ctrl+1…4：输入、F(x)、捷径、输出 · Ctrl+5：Grad-CAM
点击一个预测结果：该类别的 Grad-CAM
Ctrl+O：打开图像 · Ctrl+V：粘贴图像 · Ctrl+Shift+O：打开模型
Ctrl+I：导入你自己的残差网络 · Ctrl+N：新建网络
Ctrl+E：导出特征图网格 · Ctrl+Shift+E：导出统计数据
在网格上 Ctrl+滚轮：缩放
Ctrl+Alt+O：打开视频 · 实时输入：空格 暂停/播放，. 下一帧，Ctrl+Shift+S 快照</translation>
    </message>
</context>
<context>
    <name>reslens::SimilarityView</name>
    <message>
        <source>Compare the blocks</source>
        <translation>比较各块</translation>
    </message>
    <message>
        <source>Linear CKA between every pair of block outputs over the test images, for the model and its twin</source>
        <translation>在测试图像上计算每对块输出之间的线性 CKA：模型及其孪生网络</translation>
    </message>
    <message>
        <source>Add a twin…</source>
        <translation>添加孪生网络…</translation>
    </message>
    <message>
        <source>Compare another model&apos;s blocks beside</source>
        <translation>在旁边比较另一个模型的块</translation>
    </message>
    <message>
        <source>Export heat-maps…</source>
        <translation>导出热图…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>The first N test images</source>
        <translation>前 N 张测试图像</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <source>Similarity: %1</source>
        <translation>相似度：%1</translation>
    </message>
    <message>
        <source>%1: mean CKA between the blocks of each stage %2; between neighbours %3 to %4</source>
        <translation>%1：各阶段内块间的平均 CKA %2；相邻块之间 %3 至 %4</translation>
    </message>
    <message>
        <source>ResLens block similarity</source>
        <translation>ResLens 块相似度</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>reslens::StudyControls</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;模型：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>没有打开模型</translation>
    </message>
    <message>
        <source>opening the model and the data…</source>
        <translation>正在打开模型和数据…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个（共 %2 个）</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>第 %1 个（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>%1 (the shipped twin)</source>
        <translation>%1（随附的孪生网络）</translation>
    </message>
    <message>
        <source>Model file…</source>
        <translation>模型文件…</translation>
    </message>
    <message>
        <source>Model to compare with</source>
        <translation>用于比较的模型</translation>
    </message>
    <message>
        <source>ResLens models (*.pt)</source>
        <translation>ResLens 模型 (*.pt)</translation>
    </message>
</context>
<context>
    <name>reslens::TrainingLabPanel</name>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Compare with and without skip connections</source>
        <translation>对比有无跳跃连接</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open in explorer</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>保存记录…</translation>
    </message>
    <message>
        <source>resnetN and plainN are the teaching cases (He et al. 2015, Fig. 6)</source>
        <translation>resnetN 与 plainN 是教学用例（He 等 2015，图 6）</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>CIFAR-10 (choose its folder)…</source>
        <translation>CIFAR-10（选择其文件夹）…</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)…</source>
        <translation>图像文件夹（每个类别一个子文件夹）…</translation>
    </message>
    <message>
        <source>Debian&apos;s dataset-fashion-mnist, found by itself</source>
        <translation>Debian 的 dataset-fashion-mnist，自动找到</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Train on the first N images only (fewer images load faster)</source>
        <translation>只用前 N 张图像训练（图像越少加载越快）</translation>
    </message>
    <message>
        <source>Batch norm after every convolution, as He et al. 2015 train; untick it to see how both networks&apos; gradients behave without it</source>
        <translation>每个卷积之后做批归一化，与 He 等 2015 的训练相同；取消勾选可以观察两个网络在没有它时梯度的表现</translation>
    </message>
    <message>
        <source>parameter gradients</source>
        <translation>参数梯度</translation>
    </message>
    <message>
        <source>gradients at block outputs</source>
        <translation>块输出处的梯度</translation>
    </message>
    <message>
        <source>Per block: the L2 norm over its parameters&apos; gradients, or of the gradient arriving at its output</source>
        <translation>每个块：其参数梯度的 L2 范数，或传到其输出处的梯度的 L2 范数</translation>
    </message>
    <message>
        <source>Which trained network to open or save</source>
        <translation>要打开或保存哪个训练好的网络</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>网络结构：</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像数：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation>打开记录…</translation>
    </message>
    <message>
        <source>Keep this run&apos;s charts (and, if you like, the trained networks) in one file, to show again without training</source>
        <translation>把本次训练的图表（以及可选的训练好的网络）保存为一个文件，无需重新训练即可再次展示</translation>
    </message>
    <message>
        <source>Show a saved run, or a reslens-cli compare folder, as it was</source>
        <translation>按原样显示保存的训练记录，或 reslens-cli compare 的输出文件夹</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trained network&lt;/b&gt;</source>
        <translation>&lt;b&gt;训练好的网络&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Cannot train: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;无法训练：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>loaded model (%1)</source>
        <translation>已加载的模型（%1）</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>Training on %1</source>
        <translation>正在 %1 上训练</translation>
    </message>
    <message>
        <source>diverged after step %1: %2</source>
        <translation>第 %1 步后发散：%2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1 diverged: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1 发散：%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 %2 after %3 steps, loss %4</source>
        <translation>%1 在 %3 步后%2，损失 %4</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Saved run %1:</source>
        <translation>保存的记录 %1：</translation>
    </message>
    <message>
        <source>step %1 of %2 · %3 steps/s</source>
        <translation>第 %1 步，共 %2 步 · 每秒 %3 步</translation>
    </message>
    <message>
        <source> · %1 left</source>
        <translation> · 剩余 %1</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>CIFAR-10 binary batches</source>
        <translation>CIFAR-10 二进制批文件</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>%1 was saved without the trained networks</source>
        <translation>%1 保存时未包含训练好的网络</translation>
    </message>
    <message>
        <source>Cannot open the trained network: %1</source>
        <translation>无法打开训练好的网络：%1</translation>
    </message>
    <message>
        <source>%1 (trained in the lab)</source>
        <translation>%1（在训练实验室中训练）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save trained network</source>
        <translation>保存训练好的网络</translation>
    </message>
    <message>
        <source>ResLens models (*.pt)</source>
        <translation>ResLens 模型 (*.pt)</translation>
    </message>
    <message>
        <source>the run is still going: stop it, or wait for it to finish</source>
        <translation>训练仍在进行：请先停止，或等待其结束</translation>
    </message>
    <message>
        <source>a run is going: stop it before opening another</source>
        <translation>有训练正在进行：请先停止再打开其他记录</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>ResLens runs (*.reslens-run)</source>
        <translation>ResLens 训练记录 (*.reslens-run)</translation>
    </message>
    <message>
        <source>Also keep the trained networks in the file, so that they can be opened in the explorer later? (The file grows by their weights.)</source>
        <translation>是否同时把训练好的网络保存到文件中，以便之后在浏览器中打开？（文件会增大其权重的大小。）</translation>
    </message>
    <message>
        <source>Cannot save the run: %1</source>
        <translation>无法保存记录：%1</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <source>ResLens runs (*.reslens-run);;reslens-cli compare folders (summary.json)</source>
        <translation>ResLens 训练记录 (*.reslens-run);;reslens-cli compare 文件夹 (summary.json)</translation>
    </message>
    <message>
        <source>Cannot open the run: %1</source>
        <translation>无法打开记录：%1</translation>
    </message>
    <message>
        <source>ResLens training lab</source>
        <translation>ResLens 训练实验室</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export run data</source>
        <translation>导出训练数据</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Keep step 1 on the depth chart</source>
        <translation>在深度图上保留第 1 步</translation>
    </message>
    <message>
        <source>The gradient profile of the first step, dashed, beside the current one: where the plain network&apos;s gradients spread over the widest range</source>
        <translation>第一步的梯度分布（虚线），与当前步并排显示：普通网络的梯度在这一步分布得最分散</translation>
    </message>
    <message>
        <source>Follows the batch size, 0.1 × batch / 128 (He et al. 2015&apos;s 0.1 at batch 128, scaled linearly as Goyal et al. 2017 do), until you set it yourself</source>
        <translation>随批大小变化：0.1 × 批大小 / 128（He 等 2015 在批大小 128 时用 0.1，按 Goyal 等 2017 的线性缩放规则缩放），直到你自己设置为止</translation>
    </message>
    <message>
        <source>there is no run to save yet</source>
        <translation>还没有可保存的训练</translation>
    </message>
</context>
<context>
    <name>reslens::TrainingWorker</name>
    <message>
        <source>%1 (%2 images)</source>
        <translation>%1（%2 张图像）</translation>
    </message>
</context>
<context>
    <name>reslens::Translations</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>ResLens shows the new language from its next start. Restart now?</source>
        <translation>ResLens 将在下次启动时使用新语言。现在重新启动吗？</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
</TS>
